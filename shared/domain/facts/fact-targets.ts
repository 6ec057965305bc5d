/**
 * What an estate fact is about, found in the Classic inventory: the VNet an ARM id or site id names, the
 * VM a classic alert rule watches, the blob behind a data disk. Used both to lay facts over the inventory
 * and to list the facts of a scope, so the two always agree. Pure.
 */
import type { CloudService, Deployment, PersistentVmRole } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import type { VirtualNetworkSite } from '../classic/network.schema';
import type { ClassicVnetRef } from './estate-fact.schema';

/**
 * The VNet a fact names: by site id when it has one that matches, else by name — as given, or in the
 * `Group <resource group> <name>` form Service Management uses for portal-created VNets (ARM shows the
 * short name).
 */
export function findClassicVirtualNetwork(
  virtualNetworks: readonly VirtualNetworkSite[],
  ref: ClassicVnetRef,
): VirtualNetworkSite | undefined {
  if (ref.siteId !== undefined) {
    const bySite = virtualNetworks.find((vnet) => sameName(vnet.id, ref.siteId));
    if (bySite) return bySite;
  }
  if (ref.name === undefined) return undefined;
  const byName = findByName(virtualNetworks, ref.name);
  if (byName || ref.resourceGroup === undefined) return byName;
  const portalName = `group ${ref.resourceGroup} ${ref.name}`.toLowerCase();
  return virtualNetworks.find((vnet) => vnet.name.replace(/\s+/g, ' ').toLowerCase() === portalName);
}

export interface VirtualMachineTarget {
  cloudService: CloudService;
  deployment: Deployment;
  role: PersistentVmRole;
}

/**
 * The Classic VM an ARM id names (`…/resourceGroups/<rg>/providers/Microsoft.ClassicCompute/virtualMachines/<vm>`).
 * VM names are unique within a cloud service only: when several cloud services have one of that name,
 * the one whose name or resource group is the id's resource group is taken, and none when that does not
 * settle it (a fact is better unapplied than applied to the wrong VM).
 */
export function findVirtualMachine(
  inventory: ClassicInventory,
  name: string,
  resourceGroup: string | undefined,
): VirtualMachineTarget | undefined {
  const candidates: VirtualMachineTarget[] = [];
  for (const cloudService of inventory.cloudServices)
    for (const deployment of cloudService.deployments)
      for (const role of deployment.roles)
        if (role.roleType === 'PersistentVMRole' && sameName(role.name, name))
          candidates.push({ cloudService, deployment, role });
  if (candidates.length <= 1) return candidates[0];
  const inGroup = candidates.filter(
    ({ cloudService }) =>
      sameName(cloudService.name, resourceGroup) || sameName(cloudService.resourceGroup, resourceGroup),
  );
  return inGroup.length === 1 ? inGroup[0] : undefined;
}

/** A blob's place: the container (`<host>/<container>`, lower-case) and the blob name (as stored, decoded). */
export interface BlobLocation {
  container: string;
  name: string;
}

/** Where a blob URI (a disk's media link, a listing's container URL plus a name) points; undefined if not a blob URI. */
export function blobLocationOf(uri: string): BlobLocation | undefined {
  const match = /^(?:https?:\/\/)?([^/]+)\/([^/]+)\/(.+)$/i.exec(uri.trim());
  if (!match) return undefined;
  const [, host = '', container = '', name = ''] = match;
  return { container: `${host.toLowerCase()}/${container.toLowerCase()}`, name: safeDecode(name) };
}

/** The `<host>/<container>` key of a container URL (`https://acct.blob.core.windows.net/vhds`). */
export function containerKeyOf(containerUrl: string): string | undefined {
  const match = /^(?:https?:\/\/)?([^/]+)\/([^/]+)\/?$/i.exec(containerUrl.trim());
  if (!match) return undefined;
  const [, host = '', container = ''] = match;
  return `${host.toLowerCase()}/${container.toLowerCase()}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
