/**
 * The other scopes a scope's migration shares Classic resources with: one resource must never be in two
 * migrations at once (D1, D5: a migration locks what it moves). Pure.
 *
 * - a virtual network or cloud service shares its NSGs, route tables and reserved IPs (they migrate with it
 *   when associated) and the storage accounts holding its VMs' disks with those resources' own scopes;
 * - a storage account shares the VMs whose disks it holds with the scopes covering them;
 * - a reserved IP, NSG or route table shares itself with the scopes covering what uses it (the cloud
 *   service or VNet of an associated deployment, the VNet of an associated subnet).
 *
 * The validation rules already refuse most of these pairs for the scope asking (a storage account holding
 * disks of Classic VMs, a reserved IP, NSG or route table still associated); this is what admission checks
 * against the other scope's migration state before a Prepare starts (use-cases/overlapping-migrations.ts).
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName, storageAccountOfBlobUri } from '../classic/names';
import { cloudServicesUsingReservedIp } from '../validation/support/reserved-ip-associations';
import {
  scopeCoveringCloudService,
  scopeCoveringDeployment,
  type ScopeTarget,
  scopeTargetKey,
} from './covering-scope';
import type { ScopeRef } from './scope';
import { allDeployments, resolveScope, virtualMachinesInScope } from './scope-contents';

export interface Overlap {
  scope: ScopeTarget;
  /** What the two scopes share, worded from the asking scope's side. */
  shared: string;
}

/** The scopes sharing resources with `scope` (itself excluded), each once. */
export function overlappingScopes(
  inventory: ClassicInventory,
  scope: Pick<ScopeRef, 'kind' | 'name'>,
): Overlap[] {
  const contents = resolveScope(inventory, scope);
  if (!contents) return [];
  const found = new Map<string, Overlap>();
  const add = (target: ScopeTarget, shared: string) => {
    const key = scopeTargetKey(target);
    if (key !== scopeTargetKey(scope) && !found.has(key)) found.set(key, { scope: target, shared });
  };
  switch (contents.kind) {
    case 'virtualNetwork':
    case 'cloudService': {
      for (const nsg of contents.networkSecurityGroups)
        add({ kind: 'networkSecurityGroup', name: nsg.name }, `its network security group ${nsg.name}`);
      if (contents.kind === 'virtualNetwork')
        for (const table of contents.routeTables)
          add({ kind: 'routeTable', name: table.name }, `its route table ${table.name}`);
      for (const reservedIp of contents.reservedIps)
        add({ kind: 'reservedIp', name: reservedIp.name }, `its reserved IP ${reservedIp.name}`);
      for (const vm of virtualMachinesInScope(contents)) {
        for (const uri of [vm.role.osDisk.mediaLink, ...vm.role.dataDisks.map((disk) => disk.mediaLink)]) {
          const account = findByName(inventory.storageAccounts, storageAccountOfBlobUri(uri) ?? '');
          if (account)
            add(
              { kind: 'storageAccount', name: account.name },
              `storage account ${account.name}, which holds disks of its VMs`,
            );
        }
      }
      break;
    }
    case 'storageAccount':
      for (const vm of contents.virtualMachines)
        add(
          scopeCoveringDeployment(vm.cloudService.name, vm.deployment),
          `the VMs whose disks it holds (VM ${vm.role.name})`,
        );
      break;
    case 'reservedIp':
      for (const name of cloudServicesUsingReservedIp(inventory, contents.reservedIp)) {
        const service = findByName(inventory.cloudServices, name);
        if (service) add(scopeCoveringCloudService(service), `cloud service ${service.name}, which uses it`);
      }
      break;
    case 'networkSecurityGroup': {
      const nsg = contents.networkSecurityGroup.name;
      for (const vnet of inventory.virtualNetworks)
        if (vnet.subnets.some((subnet) => sameName(subnet.networkSecurityGroup, nsg)))
          add({ kind: 'virtualNetwork', name: vnet.name }, `subnets of virtual network ${vnet.name}`);
      for (const { cloudService, deployment } of allDeployments(inventory))
        if (
          deployment.roles.some(
            (role) =>
              role.roleType === 'PersistentVMRole' &&
              (sameName(role.network.networkSecurityGroup, nsg) ||
                role.network.networkInterfaces.some((nic) => sameName(nic.networkSecurityGroup, nsg))),
          )
        )
          add(
            scopeCoveringDeployment(cloudService.name, deployment),
            `VMs of cloud service ${cloudService.name}`,
          );
      break;
    }
    case 'routeTable':
      for (const vnet of inventory.virtualNetworks)
        if (vnet.subnets.some((subnet) => sameName(subnet.routeTable, contents.routeTable.name)))
          add({ kind: 'virtualNetwork', name: vnet.name }, `subnets of virtual network ${vnet.name}`);
      break;
  }
  return [...found.values()];
}
