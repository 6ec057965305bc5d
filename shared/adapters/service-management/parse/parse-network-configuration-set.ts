/**
 * A role's `ConfigurationSet i:type="NetworkConfigurationSet"` → the model's `network`: input endpoints
 * (with load-balancer probes and endpoint ACLs), subnet, static IP, instance-level public IPs, secondary
 * NICs (with IP forwarding), NSG.
 */
import type { z } from 'zod';

import type { inputEndpointSchema, networkConfigurationSchema } from '../../../domain/classic/compute.schema';
import type { ElementReader } from '../xml/element-reader';

type InputEndpointInput = z.input<typeof inputEndpointSchema>;
type NetworkConfigurationInput = z.input<typeof networkConfigurationSchema>;

export function readNetworkConfigurationSet(set: ElementReader): NetworkConfigurationInput {
  set.take('ConfigurationSetType');
  return {
    inputEndpoints: set.list('InputEndpoints', 'InputEndpoint', readInputEndpoint),
    subnetNames: set.stringList('SubnetNames', 'SubnetName'),
    staticVirtualNetworkIPAddress: set.string('StaticVirtualNetworkIPAddress'),
    publicIps: set.list('PublicIPs', 'PublicIP', (ip) => ({
      name: ip.requiredString('Name'),
      idleTimeoutInMinutes: ip.integer('IdleTimeoutInMinutes'),
      domainNameLabel: ip.string('DomainNameLabel'),
    })),
    networkInterfaces: set.list('NetworkInterfaces', 'NetworkInterface', (nic) => ({
      name: nic.requiredString('Name'),
      ipConfigurations: nic.list('IPConfigurations', 'IPConfiguration', (ipConfiguration) => ({
        subnetName: ipConfiguration.string('SubnetName'),
        staticVirtualNetworkIPAddress: ipConfiguration.string('StaticVirtualNetworkIPAddress'),
      })),
      networkSecurityGroup: nic.string('NetworkSecurityGroup'),
      ipForwarding: nic.enabledFlag('IPForwarding'),
    })),
    networkSecurityGroup: set.string('NetworkSecurityGroup'),
    // Azure leaves role-level IPForwarding out unless it was set; an explicit Disabled is kept verbatim.
    ipForwarding: set.enabledFlag('IPForwarding', { keepIfEquals: false }),
  };
}

function readInputEndpoint(endpoint: ElementReader): InputEndpointInput {
  return {
    loadBalancedEndpointSetName: endpoint.string('LoadBalancedEndpointSetName'),
    localPort: endpoint.requiredInteger('LocalPort'),
    name: endpoint.requiredString('Name'),
    port: endpoint.requiredInteger('Port'),
    probe: endpoint.nested('LoadBalancerProbe', (probe) => ({
      path: probe.string('Path'),
      port: probe.requiredInteger('Port'),
      protocol: probe.oneOf('Protocol', ['tcp', 'http']) ?? 'tcp',
      intervalInSeconds: probe.integer('IntervalInSeconds'),
      timeoutInSeconds: probe.integer('TimeoutInSeconds'),
    })),
    protocol: endpoint.oneOf('Protocol', ['tcp', 'udp']) ?? 'tcp',
    vip: endpoint.string('Vip'),
    enableDirectServerReturn: endpoint.boolean('EnableDirectServerReturn'),
    loadBalancerName: endpoint.string('LoadBalancerName'),
    acl: readEndpointAcl(endpoint),
    idleTimeoutInMinutes: endpoint.integer('IdleTimeoutInMinutes'),
    loadBalancerDistribution: endpoint.oneOf('LoadBalancerDistribution', [
      'sourceIP',
      'sourceIPProtocol',
      'none',
    ]),
  };
}

/** `EndpointAcl/Rules/Rule`; an ACL without rules stays verbatim (the model has no "empty ACL"). */
function readEndpointAcl(endpoint: ElementReader): InputEndpointInput['acl'] {
  const acl = endpoint.element.children.find((c) => c.localName === 'EndpointAcl');
  const rules = acl?.children.find((c) => c.localName === 'Rules');
  if (!rules || !rules.children.some((c) => c.localName === 'Rule')) return [];
  return (
    endpoint.nested('EndpointAcl', (aclReader) =>
      aclReader.list('Rules', 'Rule', (rule) => ({
        order: rule.requiredInteger('Order'),
        action: rule.oneOf('Action', ['permit', 'deny']) ?? 'permit',
        remoteSubnet: rule.requiredString('RemoteSubnet'),
        description: rule.string('Description'),
      })),
    ) ?? []
  );
}
