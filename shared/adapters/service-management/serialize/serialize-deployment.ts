/**
 * The model's deployment → the Get Deployment body (`<Deployment xmlns=… xmlns:i=…>`), or the same
 * element inside a HostedService's `Deployments`, in Azure's element order with kept elements slotted
 * back, the label base64-encoded, and each role's `MigrationState` written when the caller gives one.
 */
import type { Deployment } from '../../../domain/classic/compute.schema';
import type { MigrationState } from '../../../domain/migration/migration-state';
import { encodeBase64Label } from '../xml/base64-label';
import {
  deploymentOrder,
  dnsOrder,
  dnsServerOrder,
  frontendIpConfigurationOrder,
  loadBalancerOrder,
  virtualIpOrder,
} from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { booleanText, listNode } from './list-node';
import { renderBody } from './response-body';
import { roleNode } from './serialize-role';
import { roleInstanceNode } from './serialize-role-instance';

export interface DeploymentSerializeOptions {
  /** MigrationState per role name (the scope entity's view); roles not listed get no element. */
  roleMigrationStates?: Readonly<Record<string, MigrationState>>;
}

export function serializeDeployment(
  deployment: Deployment,
  options: DeploymentSerializeOptions = {},
): string {
  return renderBody(deploymentNode(deployment, options));
}

export function deploymentNode(
  deployment: Deployment,
  options: DeploymentSerializeOptions = {},
): ElementNode {
  const bag = new UnknownBag(deployment.unknownElements);
  const states = options.roleMigrationStates ?? {};
  const dnsBag = bag.child('Dns');
  return orderedElement(
    'Deployment',
    deploymentOrder,
    [
      leaf('Name', deployment.name),
      leaf('DeploymentSlot', deployment.slot),
      leaf('PrivateID', deployment.privateId),
      leaf('Status', deployment.status),
      leaf('Label', deployment.label === undefined ? undefined : encodeBase64Label(deployment.label)),
      leaf('Url', deployment.url),
      listNode(
        'Deployment',
        'RoleInstanceList',
        'RoleInstance',
        deployment.roleInstances,
        bag,
        roleInstanceNode,
      ),
      listNode('Deployment', 'RoleList', 'Role', deployment.roles, bag, (role) =>
        roleNode(role, { elementName: 'Role', migrationState: migrationStateOf(states, role.name) }),
      ),
      leaf('VirtualNetworkName', deployment.virtualNetworkName),
      leaf('CreatedTime', deployment.createdTime),
      leaf('LastModifiedTime', deployment.lastModifiedTime),
      deployment.dnsServers.length > 0
        ? orderedElement(
            'Dns',
            dnsOrder,
            [
              listNode('Dns', 'DnsServers', 'DnsServer', deployment.dnsServers, dnsBag, (server, serverBag) =>
                orderedElement(
                  'DnsServer',
                  dnsServerOrder,
                  [leaf('Name', server.name), leaf('Address', server.address)],
                  serverBag,
                ),
              ),
            ],
            dnsBag,
          )
        : undefined,
      listNode('Deployment', 'VirtualIPs', 'VirtualIP', deployment.virtualIps, bag, (vip, vipBag) =>
        orderedElement(
          'VirtualIP',
          virtualIpOrder,
          [
            leaf('Address', vip.address),
            leaf('IsDnsProgrammed', booleanText(vip.isDnsProgrammed)),
            leaf('Name', vip.name),
            leaf('IsReserved', vip.isReserved ? 'true' : undefined),
            leaf('ReservedIPName', vip.reservedIpName),
          ],
          vipBag,
        ),
      ),
      leaf('ReservedIPName', deployment.reservedIpName),
      leaf('InternalDnsSuffix', deployment.internalDnsSuffix),
      listNode(
        'Deployment',
        'LoadBalancers',
        'LoadBalancer',
        deployment.internalLoadBalancers,
        bag,
        (lb, lbBag) => {
          const frontendBag = lbBag.child('FrontendIpConfiguration');
          const typeKept = frontendBag.direct.some((kept) => kept.name === 'Type');
          return orderedElement(
            'LoadBalancer',
            loadBalancerOrder,
            [
              leaf('Name', lb.name),
              orderedElement(
                'FrontendIpConfiguration',
                frontendIpConfigurationOrder,
                [
                  leaf('Type', typeKept ? undefined : 'Private'),
                  leaf('SubnetName', lb.subnetName),
                  leaf('StaticVirtualNetworkIPAddress', lb.staticVirtualNetworkIPAddress),
                ],
                frontendBag,
              ),
            ],
            lbBag,
          );
        },
      ),
    ],
    bag,
  );
}

function migrationStateOf(
  states: Readonly<Record<string, MigrationState>>,
  roleName: string,
): MigrationState | undefined {
  if (Object.hasOwn(states, roleName)) return states[roleName];
  const key = Object.keys(states).find((k) => k.toLowerCase() === roleName.toLowerCase());
  return key === undefined ? undefined : states[key];
}
