/**
 * What the diagram draws, derived from a scope's status: on the Classic side the VNet with its subnets and
 * the VMs in them (coloured by cloud service), or the cloud services outside any VNet; on the ARM side each
 * resource group with its VNet and subnets, load balancers, public IPs, NICs and VMs. Links join each
 * Classic VM (and the VNet) to what it became. Pure: layout and drawing are separate.
 */
import type { ArmResource, ScopeStatus } from '../api/types';
import { armTypeLabel, classicTypeLabel } from '../format';
import { type ArmView, primaryIpConfiguration } from '../model/arm-view';
import { parseClassicId } from '../model/classic-id';
import type { ClassicView } from '../model/classic-view';
import { arr, lastSegment, obj, str, strings } from '../model/loose';

export interface DiagramNode {
  key: string;
  label: string;
  detail?: string;
  kind: 'vm' | 'nic' | 'lb' | 'pip' | 'subnet' | 'other';
  /** Index of the node's cloud service in the legend (VMs on both sides). */
  colour?: number;
}

export interface DiagramContainer {
  key: string;
  title: string;
  subtitle?: string;
  kind: 'vnet' | 'subnet' | 'service' | 'group' | 'section';
  /** One node per line: the nodes links start or end at (VMs), so no link crosses another node. */
  linear?: boolean;
  nodes: DiagramNode[];
  children: DiagramContainer[];
}

export interface DiagramModel {
  classic: DiagramContainer[];
  arm: DiagramContainer[];
  armSource: ScopeStatus['arm']['source'];
  links: { from: string; to: string }[];
  cloudServices: string[];
  /** A sentence for screen readers (the side-by-side table has every detail). */
  summary: string;
}

/** ARM types drawn, in the order of the sections of a resource group. */
const armSections: [type: string, title: string, kind: DiagramNode['kind']][] = [
  ['microsoft.network/loadbalancers', 'Load balancers', 'lb'],
  ['microsoft.network/publicipaddresses', 'Public IPs', 'pip'],
  ['microsoft.network/networkinterfaces', 'Network interfaces', 'nic'],
  ['microsoft.compute/virtualmachines', 'Virtual machines', 'vm'],
  ['microsoft.compute/availabilitysets', 'Availability sets', 'other'],
  ['microsoft.network/networksecuritygroups', 'Network security groups', 'other'],
  ['microsoft.network/routetables', 'Route tables', 'other'],
  ['microsoft.storage/storageaccounts', 'Storage accounts', 'other'],
];

export function diagramModel(
  status: Pick<ScopeStatus, 'mapping'>,
  classic: ClassicView,
  arm: ArmView,
): DiagramModel {
  const vms = classic.virtualMachines();
  const cloudServices = [...new Set([...vms.map((vm) => vm.cloudService), ...mappedServices(status)])];
  const colour = (service: string | undefined) => {
    const index = cloudServices.findIndex((name) => name.toLowerCase() === service?.toLowerCase());
    return index === -1 ? undefined : index;
  };
  const links: DiagramModel['links'] = [];
  // Classic VM → ARM VM, through the mapping (a VM row names the ARM VM among its ids).
  const armVmOf = new Map<string, { armId: string; service: string | undefined }>();
  for (const entry of status.mapping) {
    if (entry.classicType !== 'VirtualMachine') continue;
    const armId = entry.armIds.find((id) => /\/virtualMachines\/[^/]+$/i.test(id));
    const service = serviceOf(entry.classicId, classic);
    if (armId) armVmOf.set(vmKey(service, entry.name), { armId, service });
  }

  const classicSide = classicContainers(classic, vms, colour);
  const vnetEntry = status.mapping.find((entry) => entry.classicType === 'VirtualNetwork');
  const armVnet = vnetEntry?.armIds.find((id) => /\/virtualNetworks\/[^/]+$/i.test(id));
  if (classic.virtualNetwork && armVnet)
    links.push({ from: 'classic-vnet', to: `arm:${armVnet.toLowerCase()}` });
  for (const vm of vms) {
    const target = armVmOf.get(vmKey(vm.cloudService, vm.name));
    if (target)
      links.push({
        from: `classic-vm:${vmKey(vm.cloudService, vm.name)}`,
        to: `arm:${target.armId.toLowerCase()}`,
      });
  }
  if (!classic.present) classicSide.push(...accountedContainers(status));

  const armServiceOf = new Map(
    [...armVmOf.values()].map((value) => [value.armId.toLowerCase(), value.service]),
  );
  const armSide = armContainers(arm, (resource) => colour(armServiceOf.get(resource.id.toLowerCase())));

  const armVms = arm.resources.filter(
    (r) => r.type.toLowerCase() === 'microsoft.compute/virtualmachines',
  ).length;
  const summary = [
    classic.virtualNetwork
      ? `Classic: virtual network ${str(classic.virtualNetwork.name) ?? ''} with ${arr(classic.virtualNetwork.subnets).length} subnets`
      : `Classic: ${classic.present ? (classic.kind ?? 'scope') : 'no longer present (committed)'}`,
    `${vms.length} VMs in ${cloudServices.length} cloud services.`,
    `Resource Manager (${arm.source}): ${arm.resourceGroups.length} resource groups, ${armVms} VMs, ${count(arm, 'microsoft.network/networkinterfaces')} network interfaces, ${count(arm, 'microsoft.network/loadbalancers')} load balancers.`,
  ].join(', ');
  return { classic: classicSide, arm: armSide, armSource: arm.source, links, cloudServices, summary };
}

function count(arm: ArmView, type: string): number {
  return arm.resources.filter((resource) => resource.type.toLowerCase() === type).length;
}

function vmKey(service: string | undefined, vm: string): string {
  return `${(service ?? '').toLowerCase()}/${vm.toLowerCase()}`;
}

function serviceOf(classicId: string, classic: ClassicView): string | undefined {
  const id = parseClassicId(classicId);
  if (!id) return undefined;
  const deployment = classic.deployments.find(
    (d) => d.resourceGroup.toLowerCase() === id.resourceGroup.toLowerCase(),
  );
  return str(deployment?.cloudService.name) ?? id.cloudService ?? id.resourceGroup;
}

function mappedServices(status: Pick<ScopeStatus, 'mapping'>): string[] {
  return status.mapping.filter((entry) => entry.classicType === 'CloudService').map((entry) => entry.name);
}

function classicContainers(
  classic: ClassicView,
  vms: ReturnType<ClassicView['virtualMachines']>,
  colour: (service: string) => number | undefined,
): DiagramContainer[] {
  const vmNode = (vm: (typeof vms)[number]): DiagramNode => ({
    key: `classic-vm:${vmKey(vm.cloudService, vm.name)}`,
    label: vm.name,
    detail: [vm.ip, vm.size].filter(Boolean).join(' · '),
    kind: 'vm',
    ...(colour(vm.cloudService) === undefined ? {} : { colour: colour(vm.cloudService) }),
  });
  const vnet = classic.virtualNetwork;
  if (vnet) {
    const subnets = arr(vnet.subnets);
    const inSubnet = (name: string | undefined) =>
      vms.filter((vm) => vm.subnets.some((subnet) => subnet.toLowerCase() === name?.toLowerCase()));
    const outside = vms.filter((vm) => !subnets.some((subnet) => inSubnet(str(subnet.name)).includes(vm)));
    return [
      {
        key: 'classic-vnet',
        title: `Virtual network ${str(vnet.name) ?? ''}`,
        subtitle: [strings(vnet.addressSpace).join(', '), str(vnet.location)].filter(Boolean).join(' · '),
        kind: 'vnet',
        nodes: [],
        children: [
          ...subnets.map((subnet) => ({
            key: `classic-subnet:${str(subnet.name) ?? ''}`,
            title: `Subnet ${str(subnet.name) ?? ''}`,
            subtitle: [str(subnet.addressPrefix), str(subnet.networkSecurityGroup), str(subnet.routeTable)]
              .filter(Boolean)
              .join(' · '),
            kind: 'subnet' as const,
            linear: true,
            nodes: inSubnet(str(subnet.name)).map(vmNode),
            children: [],
          })),
          ...(outside.length > 0
            ? [
                {
                  key: 'classic-nosubnet',
                  title: 'Not in a subnet',
                  kind: 'subnet' as const,
                  linear: true,
                  nodes: outside.map(vmNode),
                  children: [],
                },
              ]
            : []),
        ],
      },
    ];
  }
  return classic.deployments.map(({ cloudService, deployment }) => {
    const name = str(cloudService.name) ?? '';
    const vips = arr(deployment.virtualIps)
      .map((vip) => str(vip.address))
      .filter(Boolean);
    return {
      key: `classic-service:${name}`,
      title: `Cloud service ${name}`,
      subtitle: [vips.length > 0 ? `VIP ${vips.join(', ')}` : undefined, str(cloudService.location)]
        .filter(Boolean)
        .join(' · '),
      kind: 'service' as const,
      linear: true,
      nodes: vms.filter((vm) => vm.cloudService === name).map(vmNode),
      children: [],
    };
  });
}

/** Scopes without VMs (an NSG, a route table, a reserved IP, a storage account), or a committed scope. */
function accountedContainers(status: Pick<ScopeStatus, 'mapping'>): DiagramContainer[] {
  const top = status.mapping.filter(
    (entry) => !/\/(subnets|disks|inputEndpoints|extensions|dnsServers)\//i.test(entry.classicId),
  );
  if (top.length === 0) return [];
  return [
    {
      key: 'classic-accounted',
      title: 'Classic resources',
      kind: 'service',
      nodes: top.map((entry) => ({
        key: `classic-item:${entry.classicId.toLowerCase()}`,
        label: entry.name,
        detail: classicTypeLabel(entry.classicType),
        kind: 'other',
      })),
      children: [],
    },
  ];
}

function armContainers(
  arm: ArmView,
  colour: (resource: ArmResource) => number | undefined,
): DiagramContainer[] {
  const groupOf = (id: string) => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1]?.toLowerCase() ?? '';
  return arm.resourceGroups.map((group) => {
    const inGroup = arm.resources.filter((resource) => groupOf(resource.id) === group.name.toLowerCase());
    const vnets = inGroup.filter(
      (resource) => resource.type.toLowerCase() === 'microsoft.network/virtualnetworks',
    );
    const sections = armSections
      .map(([type, title, kind]) => {
        const resources = inGroup.filter((resource) => resource.type.toLowerCase() === type);
        return {
          key: `arm-section:${group.name}:${type}`,
          title,
          kind: 'section' as const,
          linear: kind === 'vm',
          nodes: resources.map((resource) => armNode(resource, kind, colour(resource))),
          children: [],
        };
      })
      .filter((section) => section.nodes.length > 0);
    return {
      key: `arm:${group.id.toLowerCase()}`,
      title: `Resource group ${group.name}`,
      subtitle: group.location,
      kind: 'group' as const,
      nodes: [],
      children: [
        ...vnets.map((vnet) => ({
          key: `arm:${vnet.id.toLowerCase()}`,
          title: `Virtual network ${vnet.name}`,
          subtitle: strings(obj(vnet.properties?.addressSpace)?.addressPrefixes).join(', '),
          kind: 'vnet' as const,
          nodes: arr(vnet.properties?.subnets).map((subnet) => ({
            key: `arm:${vnet.id.toLowerCase()}/subnets/${(str(subnet.name) ?? '').toLowerCase()}`,
            label: str(subnet.name) ?? '',
            detail: str(obj(subnet.properties)?.addressPrefix) ?? '',
            kind: 'subnet' as const,
          })),
          children: [],
        })),
        ...sections,
      ],
    };
  });
}

function armNode(resource: ArmResource, kind: DiagramNode['kind'], colour: number | undefined): DiagramNode {
  const p = resource.properties ?? {};
  let detail: string | undefined;
  if (kind === 'nic') {
    const ip = primaryIpConfiguration(resource);
    detail = [str(ip?.privateIPAddress), lastSegment(str(obj(ip?.subnet)?.id))].filter(Boolean).join(' · ');
  } else if (kind === 'lb') {
    const frontend = obj(arr(p.frontendIPConfigurations)[0]?.properties);
    detail =
      str(frontend?.privateIPAddress) ??
      `public ${lastSegment(str(obj(frontend?.publicIPAddress)?.id)) ?? ''}`;
  } else if (kind === 'pip') {
    detail = str(p.ipAddress) ?? str(p.publicIPAllocationMethod);
  } else if (kind === 'vm') {
    detail = str(obj(p.hardwareProfile)?.vmSize);
  } else {
    detail = armTypeLabel(resource.type);
  }
  return {
    key: `arm:${resource.id.toLowerCase()}`,
    label: resource.name,
    ...(detail ? { detail } : {}),
    kind,
    ...(colour === undefined ? {} : { colour }),
  };
}
