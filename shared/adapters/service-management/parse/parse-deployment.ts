/**
 * `Deployment` (Get Deployment by slot or name, or an item of a HostedService's `Deployments`) → the
 * model's deployment: roles and role instances (kept separately, as Service Management lists them),
 * VIPs (with IsReserved / ReservedIPName), DNS servers, internal load balancers, the label decoded from
 * base64. Configuration, PersistentVMDowntime, ExtendedProperties and the like are kept verbatim.
 */
import {
  type Deployment,
  deploymentSchema,
  type UnknownElement,
} from '../../../domain/classic/compute.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';
import { parseRoleElement } from './parse-role';
import { parseRoleInstanceElement } from './parse-role-instance';

export function parseDeploymentElement(
  element: XmlElement,
  context: ParseContext,
  cloudServiceName?: string,
): Deployment {
  const unknownElements: UnknownElement[] = [];
  const deployment = ElementReader.forObject(element, unknownElements);
  const name = deployment.requiredString('Name');
  const where = { deploymentName: name, ...(cloudServiceName === undefined ? {} : { cloudServiceName }) };
  const input = {
    name,
    slot: deployment.oneOf('DeploymentSlot', ['Production', 'Staging']),
    privateId: deployment.string('PrivateID'),
    status: deployment.string('Status'),
    label: deployment.base64Text('Label'),
    url: deployment.string('Url'),
    roleInstances: deployment.objects('RoleInstanceList', 'RoleInstance', (item) =>
      parseRoleInstanceElement(item),
    ),
    roles: deployment.objects('RoleList', 'Role', (item) => parseRoleElement(item, context, where)),
    virtualNetworkName: deployment.string('VirtualNetworkName'),
    createdTime: deployment.string('CreatedTime'),
    lastModifiedTime: deployment.string('LastModifiedTime'),
    dnsServers: hasItems(element, 'Dns', 'DnsServers', 'DnsServer')
      ? (deployment.nested('Dns', (dns) =>
          dns.list('DnsServers', 'DnsServer', (server) => ({
            name: server.requiredString('Name'),
            address: server.requiredString('Address'),
          })),
        ) ?? [])
      : [],
    virtualIps: deployment.list('VirtualIPs', 'VirtualIP', (vip) => ({
      address: vip.string('Address'),
      isDnsProgrammed: vip.boolean('IsDnsProgrammed'),
      name: vip.string('Name'),
      isReserved: vip.boolean('IsReserved', { keepIfEquals: false }),
      reservedIpName: vip.string('ReservedIPName'),
    })),
    reservedIpName: deployment.string('ReservedIPName'),
    internalDnsSuffix: deployment.string('InternalDnsSuffix'),
    internalLoadBalancers: deployment.list('LoadBalancers', 'LoadBalancer', (loadBalancer) => {
      const name = loadBalancer.requiredString('Name');
      const frontend = loadBalancer.nested('FrontendIpConfiguration', (configuration) => {
        // Type is always Private for an internal load balancer; anything else is kept verbatim.
        const type = configuration.element.children.find((c) => c.localName === 'Type');
        if (type?.text.trim() === 'Private') configuration.consume(type);
        return {
          subnetName: configuration.string('SubnetName'),
          staticVirtualNetworkIPAddress: configuration.string('StaticVirtualNetworkIPAddress'),
        };
      });
      return { name, ...frontend };
    }),
    unknownElements,
  };
  deployment.finish();
  return modelFrom(deploymentSchema, input, element);
}

/** True when `element/Child/Container/Item` exists (so `Child` carries something the model holds). */
export function hasItems(element: XmlElement, child: string, container: string, item: string): boolean {
  return element.children.some(
    (c) =>
      c.localName === child &&
      c.children.some((k) => k.localName === container && k.children.some((i) => i.localName === item)),
  );
}
