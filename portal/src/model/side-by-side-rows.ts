/**
 * The rows of the side-by-side view: one per Classic item the migration accounts for (the status's
 * `mapping`), with the ARM resources it became, grouped as a person reads an estate — the network first,
 * then each cloud service with its VMs, each VM followed by its disks, endpoints and extensions. Pure.
 */
import type { MappingEntry, ScopeStatus } from '../api/types';
import { classicTypeLabel } from '../format';
import type { ArmItem, ArmView } from './arm-view';
import { parseClassicId } from './classic-id';
import type { ClassicView } from './classic-view';
import type { Prop } from './loose';

export interface SideBySideRow {
  key: string;
  group: string;
  /** 0: a resource; 1: a part of the one above (a subnet, a disk, an endpoint…). */
  depth: 0 | 1;
  classic: { id: string; type: string; typeLabel: string; name: string; props: Prop[]; note?: string };
  outcome: MappingEntry['outcome'];
  reason?: string;
  arm: ArmItem[];
}

/** Order of a cloud service's own items before its VMs. */
const serviceRank: Record<string, number> = {
  CloudService: 0,
  Deployment: 1,
  VirtualIp: 2,
  ReservedIp: 3,
  InternalLoadBalancer: 4,
  LoadBalancedEndpointSet: 5,
  AvailabilitySet: 6,
};
/** Order of a VM's parts after the VM. */
const vmRank: Record<string, number> = {
  VirtualMachine: 0,
  NetworkConfiguration: 1,
  NetworkInterface: 2,
  InstancePublicIp: 3,
  OsDisk: 4,
  DataDisk: 5,
  InputEndpoint: 6,
  ResourceExtension: 7,
  AlertRule: 8,
};
const networkRank: Record<string, number> = {
  VirtualNetwork: 0,
  Subnet: 1,
  DnsServer: 2,
  VpnGateway: 3,
  ExpressRouteGateway: 4,
  GatewayConnection: 5,
  LocalNetworkSite: 6,
  ExpressRouteCircuit: 7,
  NetworkSecurityGroup: 8,
  RouteTable: 9,
  ReservedIp: 10,
};
const partTypes = new Set([
  'Subnet',
  'DnsServer',
  'GatewayConnection',
  ...Object.keys(vmRank).filter((t) => t !== 'VirtualMachine'),
]);

export function sideBySideRows(
  status: Pick<ScopeStatus, 'mapping'>,
  classic: ClassicView,
  arm: ArmView,
): SideBySideRow[] {
  const groups: string[] = [];
  const sorted = status.mapping
    .map((entry, index) => {
      const id = parseClassicId(entry.classicId);
      const group = groupOf(
        entry,
        id?.provider,
        id?.cloudService ?? (id?.virtualMachine ? id.resourceGroup : undefined),
        classic,
      );
      if (!groups.includes(group)) groups.push(group);
      const vm = id?.virtualMachine ?? '';
      const rank = vm
        ? 100 + (vmRank[entry.classicType] ?? 50)
        : (serviceRank[entry.classicType] ?? networkRank[entry.classicType] ?? 50);
      return { entry, index, group, vm, rank };
    })
    .sort(
      (a, b) =>
        groups.indexOf(a.group) - groups.indexOf(b.group) ||
        Number(a.vm !== '') - Number(b.vm !== '') ||
        a.vm.localeCompare(b.vm) ||
        a.rank - b.rank ||
        a.index - b.index,
    );
  return sorted.map(({ entry, group, index }) => ({
    key: `${index}:${entry.classicId}`,
    group,
    depth: partTypes.has(entry.classicType) ? 1 : 0,
    classic: {
      id: entry.classicId,
      type: entry.classicType,
      typeLabel: classicTypeLabel(entry.classicType),
      name: entry.name,
      props: classic.propsOf(entry),
      ...(entry.note ? { note: entry.note } : {}),
    },
    outcome: entry.outcome,
    ...(entry.reason ? { reason: entry.reason } : {}),
    arm: entry.armIds.map((id) => arm.item(id)),
  }));
}

function groupOf(
  entry: MappingEntry,
  provider: string | undefined,
  serviceOrGroup: string | undefined,
  classic: ClassicView,
): string {
  const p = (provider ?? '').toLowerCase();
  if (p === 'microsoft.classiccompute') {
    if (entry.classicType === 'CloudService') return `Cloud service ${entry.name}`;
    // A VM id names the cloud service's resource group, which is its name unless the inventory said otherwise.
    const service = classic.deployments.find(
      (d) => d.resourceGroup.toLowerCase() === serviceOrGroup?.toLowerCase(),
    );
    const name = typeof service?.cloudService.name === 'string' ? service.cloudService.name : serviceOrGroup;
    return `Cloud service ${name ?? ''}`.trim();
  }
  if (p === 'microsoft.classicstorage') return 'Storage';
  return 'Network';
}
