/**
 * Classic resource IDs as Resource Manager shows them (`Microsoft.ClassicCompute/domainNames/…`), used
 * to account for every Classic resource and to re-map RBAC. Pure.
 *
 * Resource group of a Classic resource: the inventory's `resourceGroup` when known; otherwise our choice,
 * following where Azure put Classic resources created through Service Management:
 * - cloud services and their VMs: a group named after the cloud service;
 * - VNets, reserved IPs, NSGs, route tables, local network sites: `Default-Networking`;
 *   a portal-created VNet really named `Group <rg> <vnet>` shows as `<vnet>` in group `<rg>` (D6);
 * - storage accounts: `Default-Storage-<Location>` with the Classic location's spaces removed
 *   (`Default-Storage-WestUS`).
 *
 * Parts of a resource that ARM never showed (disks, endpoints, NICs, extensions, subnets, gateways…) get
 * our pseudo IDs: the parent's ID + `/<kind>/<name>`. Classic route tables and local network sites never
 * appeared in ARM either; they get `Microsoft.ClassicNetwork/routeTables|localNetworkSites` pseudo IDs.
 */
import { resourceGroupId } from '../arm/arm-resource';
import type { CloudService, Deployment } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import type {
  LocalNetworkSite,
  NetworkSecurityGroup,
  ReservedIp,
  RouteTable,
  VirtualNetworkSite,
} from '../classic/network.schema';
import type { StorageAccount } from '../classic/storage.schema';

export const defaultNetworkingResourceGroup = 'Default-Networking';

function providerId(subscriptionId: string, resourceGroup: string, typePath: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${typePath}/${name}`;
}

export function cloudServiceClassicId(subscriptionId: string, cloudService: CloudService): string {
  return providerId(
    subscriptionId,
    cloudService.resourceGroup ?? cloudService.name,
    'Microsoft.ClassicCompute/domainNames',
    cloudService.name,
  );
}

export function deploymentClassicId(
  subscriptionId: string,
  cloudService: CloudService,
  deployment: Deployment,
): string {
  return `${cloudServiceClassicId(subscriptionId, cloudService)}/slots/${deployment.slot}`;
}

/** `…/Microsoft.ClassicCompute/virtualMachines/{vm}` in the cloud service's group (as ARM lists Classic VMs). */
export function virtualMachineClassicId(
  subscriptionId: string,
  cloudService: CloudService,
  deployment: Deployment,
  vmName: string,
): string {
  const base = providerId(
    subscriptionId,
    cloudService.resourceGroup ?? cloudService.name,
    'Microsoft.ClassicCompute/virtualMachines',
    vmName,
  );
  // A Staging deployment's VMs would share names with Production's; keep their IDs apart.
  return deployment.slot === 'Production' ? base : `${base}/slots/${deployment.slot}`;
}

/** The ARM-visible name and group of a VNet, undoing the portal's `Group <rg> <vnet>` naming. */
export function virtualNetworkClassicPlacement(vnet: VirtualNetworkSite): {
  resourceGroup: string;
  name: string;
} {
  if (vnet.resourceGroup) return { resourceGroup: vnet.resourceGroup, name: vnet.name };
  const portal = /^Group (\S+) (.+)$/.exec(vnet.name);
  if (portal?.[1] && portal[2]) return { resourceGroup: portal[1], name: portal[2] };
  return { resourceGroup: defaultNetworkingResourceGroup, name: vnet.name };
}

export function virtualNetworkClassicId(subscriptionId: string, vnet: VirtualNetworkSite): string {
  const { resourceGroup, name } = virtualNetworkClassicPlacement(vnet);
  return providerId(subscriptionId, resourceGroup, 'Microsoft.ClassicNetwork/virtualNetworks', name);
}

export function reservedIpClassicId(subscriptionId: string, reservedIp: ReservedIp): string {
  return providerId(
    subscriptionId,
    reservedIp.resourceGroup ?? defaultNetworkingResourceGroup,
    'Microsoft.ClassicNetwork/reservedIps',
    reservedIp.name,
  );
}

export function networkSecurityGroupClassicId(subscriptionId: string, nsg: NetworkSecurityGroup): string {
  return providerId(
    subscriptionId,
    nsg.resourceGroup ?? defaultNetworkingResourceGroup,
    'Microsoft.ClassicNetwork/networkSecurityGroups',
    nsg.name,
  );
}

export function routeTableClassicId(subscriptionId: string, routeTable: RouteTable): string {
  return providerId(
    subscriptionId,
    routeTable.resourceGroup ?? defaultNetworkingResourceGroup,
    'Microsoft.ClassicNetwork/routeTables',
    routeTable.name,
  );
}

export function localNetworkSiteClassicId(subscriptionId: string, site: LocalNetworkSite): string {
  return providerId(
    subscriptionId,
    defaultNetworkingResourceGroup,
    'Microsoft.ClassicNetwork/localNetworkSites',
    site.name,
  );
}

/** `Default-Storage-<Location>`, the group Service Management-created storage accounts show in. */
export function defaultStorageResourceGroup(inventory: ClassicInventory, account: StorageAccount): string {
  const location =
    account.location ?? findByName(inventory.affinityGroups, account.affinityGroup)?.location ?? 'Unknown';
  return `Default-Storage-${location.replace(/\s+/g, '')}`;
}

export function storageAccountClassicId(
  subscriptionId: string,
  inventory: ClassicInventory,
  account: StorageAccount,
): string {
  return providerId(
    subscriptionId,
    account.resourceGroup ?? defaultStorageResourceGroup(inventory, account),
    'Microsoft.ClassicStorage/storageAccounts',
    account.name,
  );
}

/** A part of a Classic resource that ARM never showed: `<parentId>/<kind>/<name>`. */
export function childClassicId(parentId: string, kind: string, name: string | number): string {
  return `${parentId}/${kind}/${name}`;
}
