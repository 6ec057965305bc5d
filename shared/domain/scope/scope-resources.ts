/**
 * The top-level Classic resources a Commit removes from the Classic side, per scope (D1, D2,
 * D5). Pure.
 *
 * - virtualNetwork: the VNet, every cloud service deployed in it, the reserved IPs bound to them, the local
 *   network sites its gateway connects to, the disks attached to its VMs. NSGs and route tables associated
 *   with it were cloned and stay in Classic ("classic NSG not removed during migration", D1), as do the
 *   subscription-wide DNS server entries other VNets may reference.
 * - cloudService: the cloud service, its bound reserved IPs, the disks attached to its VMs.
 * - storageAccount: the account and the disk and image entries whose blobs it holds (they "cease to exist";
 *   the VHD blobs remain, H4/D6).
 * - reservedIp / networkSecurityGroup / routeTable: the resource.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import { virtualMachinesOf } from '../classic/virtual-machines';
import type { DeploymentInScope, ScopeContents } from './scope-contents';

export interface ClassicResourceName {
  collection:
    | 'cloudServices'
    | 'virtualNetworks'
    | 'localNetworkSites'
    | 'reservedIps'
    | 'networkSecurityGroups'
    | 'routeTables'
    | 'storageAccounts'
    | 'disks'
    | 'vmImages';
  name: string;
}

export function classicResourcesRemovedByCommit(
  inventory: ClassicInventory,
  contents: ScopeContents,
): ClassicResourceName[] {
  switch (contents.kind) {
    case 'virtualNetwork':
      return [
        { collection: 'virtualNetworks', name: contents.virtualNetwork.name },
        ...cloudServicesOf(contents.deployments),
        ...contents.reservedIps.map((ip) => ({ collection: 'reservedIps' as const, name: ip.name })),
        ...contents.localNetworkSites.map((site) => ({
          collection: 'localNetworkSites' as const,
          name: site.name,
        })),
        ...attachedDisks(inventory, contents.deployments),
      ];
    case 'cloudService':
      return [
        { collection: 'cloudServices', name: contents.cloudService.name },
        ...contents.reservedIps.map((ip) => ({ collection: 'reservedIps' as const, name: ip.name })),
        ...attachedDisks(inventory, contents.deployments),
      ];
    case 'storageAccount':
      return [
        { collection: 'storageAccounts', name: contents.storageAccount.name },
        ...contents.disks.map((disk) => ({ collection: 'disks' as const, name: disk.name })),
        ...contents.vmImages.map((image) => ({ collection: 'vmImages' as const, name: image.name })),
      ];
    case 'reservedIp':
      return [{ collection: 'reservedIps', name: contents.reservedIp.name }];
    case 'networkSecurityGroup':
      return [{ collection: 'networkSecurityGroups', name: contents.networkSecurityGroup.name }];
    case 'routeTable':
      return [{ collection: 'routeTables', name: contents.routeTable.name }];
  }
}

function cloudServicesOf(deployments: DeploymentInScope[]): ClassicResourceName[] {
  const names = new Map<string, string>();
  for (const { cloudService } of deployments) names.set(cloudService.name.toLowerCase(), cloudService.name);
  return [...names.values()].map((name) => ({ collection: 'cloudServices', name }));
}

function attachedDisks(inventory: ClassicInventory, deployments: DeploymentInScope[]): ClassicResourceName[] {
  const roles = deployments.flatMap(({ cloudService, deployment }) =>
    virtualMachinesOf(cloudService, deployment),
  );
  return inventory.disks
    .filter((disk) =>
      roles.some(
        (vm) =>
          sameName(disk.attachedTo?.hostedServiceName, vm.cloudService.name) &&
          sameName(disk.attachedTo?.roleName, vm.role.name),
      ),
    )
    .map((disk) => ({ collection: 'disks', name: disk.name }));
}
