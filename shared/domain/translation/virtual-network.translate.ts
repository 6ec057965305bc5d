/**
 * Classic VNet site → `Microsoft.Network/virtualNetworks` with its subnets, address space, DNS servers
 * (`dhcpOptions.dnsServers`) and the cloned NSGs and route tables of its subnets, in `<vnet>-Migrated`
 * (D1, D9). Pure.
 */
import { findByName, sameName } from '../classic/names';
import type { VirtualNetworkSite } from '../classic/network.schema';
import { objectKeyOf } from '../naming/namer';
import type { VirtualNetworkScope } from '../scope/scope-contents';
import { resolveArmLocation } from './arm-location';
import { childClassicId, virtualNetworkClassicId } from './classic-ids';
import { translateNetworkSecurityGroup } from './network-security-group.translate';
import { translateRouteTable } from './route-table.translate';
import {
  account,
  addResource,
  nameResource,
  type TranslationContext,
  useResourceGroup,
} from './translation-context';

export interface VirtualNetworkPlacement {
  resourceGroup: string;
  location: string;
  name: string;
  id: string;
  classicId: string;
  /** The ARM subnet ID for a Classic subnet name (case-insensitive); undefined when the VNet has none. */
  subnetId(classicSubnetName: string): string | undefined;
}

/**
 * Where a Classic VNet lands in ARM, named by the policy, without adding anything — also used to point at
 * a VNet migrated by another scope (a cloud service whose deployment is in a VNet).
 */
export function virtualNetworkPlacement(
  ctx: TranslationContext,
  vnet: VirtualNetworkSite,
): VirtualNetworkPlacement {
  const classicId = virtualNetworkClassicId(ctx.subscriptionId, vnet);
  const location = resolveArmLocation(ctx.inventory, vnet) ?? ctx.options.defaultLocation;
  const resourceGroup = ctx.namer.nameOf({
    kind: 'virtualNetworkResourceGroup',
    classicId,
    tokens: { vnet: vnet.name, name: vnet.name, location },
  });
  const { name, id } = nameResource(
    ctx,
    {
      kind: 'virtualNetwork',
      classicId,
      principal: true,
      tokens: { vnet: vnet.name, name: vnet.name, location },
    },
    resourceGroup,
    'Microsoft.Network/virtualNetworks',
  );
  return {
    resourceGroup,
    location,
    name,
    id,
    classicId,
    subnetId(classicSubnetName) {
      const subnet = findByName(vnet.subnets, classicSubnetName);
      if (!subnet) return undefined;
      return `${id}/subnets/${subnetArmName(ctx, vnet, classicId, subnet.name, vnet.subnets.indexOf(subnet))}`;
    },
  };
}

function subnetArmName(
  ctx: TranslationContext,
  vnet: VirtualNetworkSite,
  vnetClassicId: string,
  subnetName: string,
  index: number,
): string {
  return ctx.namer.nameOf({
    kind: 'subnet',
    classicId: childClassicId(vnetClassicId, 'subnets', subnetName),
    principal: true,
    tokens: { vnet: vnet.name, subnet: subnetName, name: subnetName, index },
  });
}

/** Adds the VNet of a VNet scope, its group, cloned NSGs/route tables and DNS; returns its placement. */
export function translateVirtualNetwork(
  ctx: TranslationContext,
  contents: VirtualNetworkScope,
): VirtualNetworkPlacement {
  const vnet = contents.virtualNetwork;
  const placement = virtualNetworkPlacement(ctx, vnet);
  if (!resolveArmLocation(ctx.inventory, vnet))
    ctx.issues.push({
      code: 'LOCATION_UNKNOWN',
      message: `VNet ${vnet.name} has no location or known affinity group; using ${placement.location}`,
      classicId: placement.classicId,
    });
  useResourceGroup(
    ctx,
    {
      kind: 'virtualNetworkResourceGroup',
      classicId: placement.classicId,
      tokens: { vnet: vnet.name, name: vnet.name, location: placement.location },
    },
    placement.location,
  );
  for (const nsg of contents.networkSecurityGroups)
    translateNetworkSecurityGroup(ctx, nsg, placement.resourceGroup, placement.location, true);
  for (const routeTable of contents.routeTables)
    translateRouteTable(ctx, routeTable, placement.resourceGroup, placement.location, true);

  const dnsServers = vnet.dnsServerRefs
    .map((ref) => findByName(contents.dnsServers, ref) ?? findByName(ctx.inventory.dnsServers, ref))
    .filter((server) => server !== undefined);
  const subnets = vnet.subnets.map((subnet, index) => {
    const nsgId = subnet.networkSecurityGroup
      ? ctx.networkSecurityGroupIds.get(subnet.networkSecurityGroup.toLowerCase())
      : undefined;
    const routeTableId = subnet.routeTable
      ? ctx.routeTableIds.get(subnet.routeTable.toLowerCase())
      : undefined;
    const name = subnetArmName(ctx, vnet, placement.classicId, subnet.name, index);
    const subnetClassicId = childClassicId(placement.classicId, 'subnets', subnet.name);
    ctx.namedResources.push({
      armId: `${placement.id}/subnets/${name}`,
      armType: 'Microsoft.Network/virtualNetworks/subnets',
      name,
      resourceGroup: placement.resourceGroup,
      parentId: placement.id,
      objectKey: objectKeyOf({ kind: 'subnet', classicId: subnetClassicId }),
    });
    return {
      name,
      id: `${placement.id}/subnets/${name}`,
      properties: {
        addressPrefix: subnet.addressPrefix,
        ...(nsgId ? { networkSecurityGroup: { id: nsgId } } : {}),
        ...(routeTableId ? { routeTable: { id: routeTableId } } : {}),
      },
    };
  });
  addResource(ctx, {
    request: {
      kind: 'virtualNetwork',
      classicId: placement.classicId,
      principal: true,
      tokens: { vnet: vnet.name, name: vnet.name, location: placement.location },
    },
    resourceGroup: placement.resourceGroup,
    type: 'Microsoft.Network/virtualNetworks',
    location: placement.location,
    properties: {
      addressSpace: { addressPrefixes: vnet.addressSpace },
      ...(dnsServers.length > 0 ? { dhcpOptions: { dnsServers: dnsServers.map((s) => s.address) } } : {}),
      subnets,
    },
    dependsOn: subnets.flatMap((s) => [
      (s.properties as { networkSecurityGroup?: { id: string } }).networkSecurityGroup?.id,
      (s.properties as { routeTable?: { id: string } }).routeTable?.id,
    ]),
  });

  account(ctx, {
    classicId: placement.classicId,
    classicType: 'VirtualNetwork',
    name: vnet.name,
    outcome: 'migrated',
    armIds: [placement.id],
  });
  vnet.subnets.forEach((subnet, index) => {
    account(ctx, {
      classicId: childClassicId(placement.classicId, 'subnets', subnet.name),
      classicType: 'Subnet',
      name: subnet.name,
      outcome: 'migrated',
      armIds: [subnets[index]?.id ?? placement.id],
    });
  });
  for (const server of contents.dnsServers) {
    const referenced = vnet.dnsServerRefs.some((ref) => sameName(ref, server.name));
    account(ctx, {
      classicId: childClassicId(placement.classicId, 'dnsServers', server.name),
      classicType: 'DnsServer',
      name: server.name,
      ...(referenced
        ? { outcome: 'migrated' as const, armIds: [placement.id], note: 'dhcpOptions.dnsServers of the VNet' }
        : { outcome: 'dropped' as const, armIds: [], reason: 'The VNet does not reference this DNS server' }),
    });
  }
  return placement;
}
