/**
 * Update Role (`PUT …/deployments/{deployment}/roles/{role}`, body `PersistentVMRole`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/jj157187(v=azure.100)): replaces a VM's
 * configuration — endpoints, subnets and static IP, NSG, size, availability set, data disks, extensions.
 * Refused while the VM's scope is under migration, with the VM text; also while a storage account holding a
 * disk the update adds, or an NSG it associates or drops, is (their texts). Pure.
 *
 * The body is the VM as the caller wants it (Update-AzureVM sends back what Get-AzureVM read, changed), so
 * what it lists replaces what the VM had; what Update Role cannot change is kept: the name, the OS disk
 * (only its host caching follows the body) and what only the provisioning configuration set (never
 * stored) carried. Facts Service Management never returns (a data disk's blob size, whether its blob was
 * readable) are carried over for the disks the VM keeps.
 */
import type {
  DataDisk,
  NetworkConfiguration,
  PersistentVmRole,
  ResourceExtensionReference,
  RoleInstance,
} from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName, storageAccountOfBlobUri } from '../classic/names';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { locateVm, withDeployment } from './locate';
import { badRequest, resourceNotFound } from './management-error';
import { type LockTarget, resourceLockTarget, vmLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';
import { standaloneLockTargets } from './standalone-lock-targets';

export interface UpdateRoleTarget {
  serviceName: string;
  deploymentName: string;
  roleName: string;
}

/** What an Update Role body says; optional fields the body left out keep the VM's value. */
export interface UpdateRoleRequest {
  roleName: string;
  roleSize?: string;
  network: NetworkConfiguration;
  availabilitySetName?: string;
  dataDisks: DataDisk[];
  extensions: ResourceExtensionReference[];
  osDiskHostCaching?: PersistentVmRole['osDisk']['hostCaching'];
  provisionGuestAgent?: boolean;
  debugSettings?: PersistentVmRole['debugSettings'];
}

export function planUpdateRole(
  inventory: ClassicInventory,
  target: UpdateRoleTarget,
  request: UpdateRoleRequest,
  now: string,
): WritePlan {
  const located = locateVm(inventory, target.serviceName, target.deploymentName, target.roleName);
  if (!located.ok) return refuse(located.error);
  const { service, deployment, role } = located.value;
  const lockTargets = updateLockTargets(
    inventory,
    role,
    request,
    scopeCoveringDeployment(service.name, deployment),
  );
  const refuseWith = (message: string) => refuse(badRequest(message), lockTargets);

  // Our texts.
  if (!sameName(request.roleName, role.name)) {
    return refuseWith(
      `The role name in the request body (${request.roleName}) does not match the role in the request URI (${role.name}).`,
    );
  }
  const vnet = findByName(inventory.virtualNetworks, deployment.virtualNetworkName);
  const subnets = [
    ...request.network.subnetNames,
    ...request.network.networkInterfaces.flatMap((nic) =>
      nic.ipConfigurations.flatMap((config) => (config.subnetName === undefined ? [] : [config.subnetName])),
    ),
  ];
  const unknownSubnet = subnets.find((name) => !vnet?.subnets.some((subnet) => sameName(subnet.name, name)));
  if (unknownSubnet !== undefined) {
    return refuseWith(
      vnet
        ? `The subnet ${unknownSubnet} does not exist in virtual network ${vnet.name}.`
        : `Role ${role.name} names subnet ${unknownSubnet}, but the deployment is not in a virtual network.`,
    );
  }
  if (vnet && request.network.subnetNames.length === 0) {
    return refuseWith(`VM ${role.name} is in virtual network ${vnet.name}; name its subnet.`);
  }
  const missingNsg = nsgNamesOf(request.network).find(
    (name) => !findByName(inventory.networkSecurityGroups, name),
  );
  if (missingNsg !== undefined) {
    return refuse(
      resourceNotFound(scopeNotFoundMessage({ kind: 'networkSecurityGroup', name: missingNsg })),
      lockTargets,
    );
  }
  const luns = request.dataDisks.map((disk) => disk.lun);
  const repeated = luns.find((lun, index) => luns.indexOf(lun) !== index);
  if (repeated !== undefined) return refuseWith(`Two data disks of VM ${role.name} use LUN ${repeated}.`);

  const updatedRole: PersistentVmRole = {
    ...role,
    roleSize: request.roleSize ?? role.roleSize,
    network: request.network,
    availabilitySetName: request.availabilitySetName,
    dataDisks: request.dataDisks.map((disk) => {
      const kept = role.dataDisks.find((current) => sameName(current.mediaLink, disk.mediaLink));
      return kept
        ? { ...disk, blobSizeBytes: kept.blobSizeBytes, mediaLinkAccessible: kept.mediaLinkAccessible }
        : disk;
    }),
    extensions: request.extensions,
    osDisk: { ...role.osDisk, hostCaching: request.osDiskHostCaching ?? role.osDisk.hostCaching },
    provisionGuestAgent: request.provisionGuestAgent ?? role.provisionGuestAgent,
    debugSettings: request.debugSettings ?? role.debugSettings,
  };
  const roleInstances = deployment.roleInstances.map((instance): RoleInstance =>
    sameName(instance.roleName, role.name) ? { ...instance, instanceSize: updatedRole.roleSize } : instance,
  );
  const updated = {
    ...deployment,
    roles: deployment.roles.map((r) => (r === role ? updatedRole : r)),
    roleInstances,
    lastModifiedTime: now,
  };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: withDeployment(inventory, service, updated, deployment),
      changed: { cloudServices: [service.name] },
    },
  };
}

/** The VM first, then storage accounts of disks the update adds, then NSGs it associates or drops. */
function updateLockTargets(
  inventory: ClassicInventory,
  role: PersistentVmRole,
  request: UpdateRoleRequest,
  scope: ReturnType<typeof scopeCoveringDeployment>,
): LockTarget[] {
  const targets: LockTarget[] = [vmLockTarget(scope)];
  const accounts = new Set<string>();
  for (const disk of request.dataDisks) {
    if (role.dataDisks.some((current) => sameName(current.mediaLink, disk.mediaLink))) continue;
    const account = storageAccountOfBlobUri(disk.mediaLink);
    if (account === undefined || accounts.has(account)) continue;
    accounts.add(account);
    const name = findByName(inventory.storageAccounts, account)?.name ?? account;
    targets.push(resourceLockTarget('storageAccount', name, { kind: 'storageAccount', name }));
  }
  const before = nsgNamesOf(role.network);
  const after = nsgNamesOf(request.network);
  const changed = [
    ...after.filter((name) => !before.some((other) => sameName(other, name))),
    ...before.filter((name) => !after.some((other) => sameName(other, name))),
  ];
  for (const name of changed) {
    const nsg = findByName(inventory.networkSecurityGroups, name);
    targets.push(...standaloneLockTargets(inventory, 'networkSecurityGroup', nsg?.name ?? name));
  }
  return targets;
}

/** The NSGs a VM's network configuration names: its own and its NICs'. */
function nsgNamesOf(network: NetworkConfiguration): string[] {
  return [
    network.networkSecurityGroup,
    ...network.networkInterfaces.map((nic) => nic.networkSecurityGroup),
  ].filter((name): name is string => name !== undefined);
}
