/**
 * The ARM side of a scope (the status's `arm`: the resources Prepare wrote, or the ones it would write),
 * indexed by id so a mapping row's ARM ids resolve to what they name: a resource, a part of one (a subnet,
 * a load-balancing rule, a probe), or a resource group; each with its key properties.
 */
import type { ArmResource, ResourceGroup, ScopeStatus } from '../api/types';
import { armTypeLabel } from '../format';
import { arr, lastSegment, type Loose, obj, type Prop, props, str, strings } from './loose';

export type ArmPhase = 'Planned' | 'Prepared' | 'Committed';

export interface ArmItem {
  id: string;
  name: string;
  typeLabel: string;
  props: Prop[];
  /** Planned (not written yet), or the phase the written resource is in. */
  phase: ArmPhase;
  /** The resource the item is, or is part of (undefined for a resource group or an unknown id). */
  resource?: ArmResource;
}

/** Collections of an ARM resource that mapping ids point into (`…/loadBalancers/lb/probes/p`). */
const subResourceTypes: Record<string, string> = {
  subnets: 'Microsoft.Network/virtualNetworks/subnets',
  frontendIPConfigurations: 'Microsoft.Network/loadBalancers/frontendIPConfigurations',
  loadBalancingRules: 'Microsoft.Network/loadBalancers/loadBalancingRules',
  probes: 'Microsoft.Network/loadBalancers/probes',
  inboundNatRules: 'Microsoft.Network/loadBalancers/inboundNatRules',
  backendAddressPools: 'Microsoft.Network/loadBalancers/backendAddressPools',
  ipConfigurations: 'Microsoft.Network/networkInterfaces/ipConfigurations',
};

export class ArmView {
  readonly source: ScopeStatus['arm']['source'];
  readonly resources: ArmResource[];
  readonly resourceGroups: ResourceGroup[];
  readonly #byId = new Map<string, ArmResource>();
  readonly #groups = new Map<string, ResourceGroup>();

  constructor(arm: ScopeStatus['arm']) {
    this.source = arm.source;
    this.resources = arm.resources;
    this.resourceGroups = arm.resourceGroups;
    for (const resource of arm.resources) this.#byId.set(resource.id.toLowerCase(), resource);
    for (const group of arm.resourceGroups) this.#groups.set(group.id.toLowerCase(), group);
  }

  get(id: string): ArmResource | undefined {
    return this.#byId.get(id.toLowerCase());
  }

  phaseOf(resource: ArmResource | undefined): ArmPhase {
    if (this.source !== 'written') return 'Planned';
    return resource?.phase ?? 'Prepared';
  }

  /** What an ARM id of a mapping row names. */
  item(id: string): ArmItem {
    const resource = this.get(id);
    if (resource) {
      return {
        id,
        name: resource.name,
        typeLabel: armTypeLabel(resource.type),
        props: resourceProps(resource),
        phase: this.phaseOf(resource),
        resource,
      };
    }
    const group = this.#groups.get(id.toLowerCase());
    if (group || /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(id)) {
      return {
        id,
        name: group?.name ?? lastSegment(id) ?? id,
        typeLabel: 'Resource group',
        props: props(['Location', group?.location]),
        phase: this.phaseOf(undefined),
      };
    }
    const part = /^(.*)\/([^/]+)\/([^/]+)$/.exec(id);
    const parent = part?.[1] ? this.get(part[1]) : undefined;
    const collection = part?.[2] ?? '';
    const name = part?.[3] ?? lastSegment(id) ?? id;
    if (parent) {
      const child = arr(parent.properties?.[collection]).find(
        (c) => str(c.name)?.toLowerCase() === name.toLowerCase(),
      );
      const type = subResourceTypes[collection];
      return {
        id,
        name,
        typeLabel: `${type ? armTypeLabel(type) : collection} of ${parent.name}`,
        props: child ? subResourceProps(collection, child) : [],
        phase: this.phaseOf(parent),
        resource: parent,
      };
    }
    return { id, name, typeLabel: typeFromId(id), props: [], phase: this.phaseOf(undefined) };
  }
}

function typeFromId(id: string): string {
  const match = /\/providers\/([^/]+\/[^/]+)\/[^/]+$/i.exec(id);
  return match?.[1] ? armTypeLabel(match[1]) : 'Resource';
}

/** The NIC's first IP configuration's properties. */
export function primaryIpConfiguration(resource: ArmResource): Loose | undefined {
  return obj(arr(resource.properties?.ipConfigurations)[0]?.properties);
}

function resourceProps(resource: ArmResource): Prop[] {
  const p = resource.properties ?? {};
  switch (resource.type.toLowerCase()) {
    case 'microsoft.compute/virtualmachines': {
      const storage = obj(p.storageProfile);
      return props(
        ['Size', str(obj(p.hardwareProfile)?.vmSize)],
        ['OS', str(obj(storage?.osDisk)?.osType)],
        ['Data disks', arr(storage?.dataDisks).length || undefined],
        ['NICs', arr(obj(p.networkProfile)?.networkInterfaces).length],
        ['Availability set', lastSegment(str(obj(p.availabilitySet)?.id))],
      );
    }
    case 'microsoft.network/networkinterfaces': {
      const ip = primaryIpConfiguration(resource);
      return props(
        ['IP', str(ip?.privateIPAddress)],
        ['Allocation', str(ip?.privateIPAllocationMethod)],
        ['Subnet', lastSegment(str(obj(ip?.subnet)?.id))],
        ['Public IP', lastSegment(str(obj(ip?.publicIPAddress)?.id))],
        ['Backend pools', arr(ip?.loadBalancerBackendAddressPools).length || undefined],
        ['NAT rules', arr(ip?.loadBalancerInboundNatRules).length || undefined],
        ['IP forwarding', p.enableIPForwarding === true ? 'on' : undefined],
      );
    }
    case 'microsoft.network/loadbalancers':
      return props(
        ['Frontend', arr(p.frontendIPConfigurations).map(frontendAddress).join(', ')],
        [
          'Rules',
          arr(p.loadBalancingRules)
            .map((rule) => rulePorts(obj(rule.properties)))
            .join(', '),
        ],
        ['Probes', arr(p.probes).length || undefined],
        ['NAT rules', arr(p.inboundNatRules).length || undefined],
      );
    case 'microsoft.network/publicipaddresses':
      return props(
        ['Address', str(p.ipAddress)],
        ['Allocation', str(p.publicIPAllocationMethod)],
        ['DNS label', str(obj(p.dnsSettings)?.domainNameLabel)],
      );
    case 'microsoft.network/virtualnetworks':
      return props(
        ['Address space', strings(obj(p.addressSpace)?.addressPrefixes).join(', ')],
        [
          'Subnets',
          arr(p.subnets)
            .map((subnet) => str(subnet.name))
            .join(', '),
        ],
        ['DNS servers', strings(obj(p.dhcpOptions)?.dnsServers).join(', ')],
      );
    case 'microsoft.network/networksecuritygroups':
      return props(['Rules', arr(p.securityRules).length]);
    case 'microsoft.network/routetables':
      return props(['Routes', arr(p.routes).length]);
    case 'microsoft.compute/availabilitysets':
      return props(
        ['Fault domains', str(p.platformFaultDomainCount)],
        ['Update domains', str(p.platformUpdateDomainCount)],
      );
    case 'microsoft.compute/virtualmachines/extensions':
      return props(
        ['Extension', `${str(p.publisher) ?? ''}/${str(p.type) ?? ''}`],
        ['Version', str(p.typeHandlerVersion)],
      );
    case 'microsoft.storage/storageaccounts':
      return props(['SKU', resource.sku?.name], ['Kind', resource.kind]);
    default:
      return props(['Location', resource.location]);
  }
}

function subResourceProps(collection: string, child: Loose): Prop[] {
  const p = obj(child.properties) ?? {};
  switch (collection) {
    case 'subnets':
      return props(
        ['Prefix', str(p.addressPrefix)],
        ['NSG', lastSegment(str(obj(p.networkSecurityGroup)?.id))],
        ['Route table', lastSegment(str(obj(p.routeTable)?.id))],
      );
    case 'frontendIPConfigurations':
      return props(['Address', frontendAddress(child)]);
    case 'loadBalancingRules':
      return props(['Port', rulePorts(p)], ['Probe', lastSegment(str(obj(p.probe)?.id))]);
    case 'inboundNatRules':
      return props(['Port', rulePorts(p)]);
    case 'probes':
      return props(
        ['Probe', `${str(p.protocol) ?? ''} ${str(p.port) ?? ''}${str(p.requestPath) ?? ''}`],
        ['Interval (s)', str(p.intervalInSeconds)],
      );
    default:
      return [];
  }
}

function frontendAddress(frontend: Loose): string {
  const p = obj(frontend.properties);
  return (
    str(p?.privateIPAddress) ?? lastSegment(str(obj(p?.publicIPAddress)?.id)) ?? str(frontend.name) ?? ''
  );
}

function rulePorts(p: Loose | undefined): string {
  return `${str(p?.protocol) ?? ''} ${str(p?.frontendPort) ?? '?'} → ${str(p?.backendPort) ?? '?'}`.trim();
}
