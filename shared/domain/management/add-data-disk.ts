/**
 * Add Data Disk (`POST …/deployments/{deployment}/roles/{role}/DataDisks`, body `DataVirtualHardDisk`):
 * attaches a data disk to a VM. Refused while the VM's scope is under migration (the VM text), or while the
 * storage account that would hold the disk is (`Storage account …`). Pure.
 *
 * Azure generated the disk name and, without a MediaLink, a blob next to the OS disk; ours follow the same
 * pattern (`<service>-<role>-<lun>-<time>`), our choice.
 */
import type { z } from 'zod';

import { type DataDisk, dataDiskSchema, type hostCachingSchema } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, storageAccountOfBlobUri } from '../classic/names';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { locateVm, withDeployment } from './locate';
import { badRequest, conflict } from './management-error';
import { type LockTarget, resourceLockTarget, vmLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface DataDiskRequest {
  hostCaching?: z.infer<typeof hostCachingSchema>;
  diskLabel?: string;
  diskName?: string;
  lun?: number;
  logicalDiskSizeInGB?: number;
  mediaLink?: string;
}

export interface AddDataDiskTarget {
  serviceName: string;
  deploymentName: string;
  roleName: string;
}

/** Azure attached at most 64 data disks (LUN 0–63) to the largest sizes; the bound here is ours. */
const maxLun = 63;

export function planAddDataDisk(
  inventory: ClassicInventory,
  target: AddDataDiskTarget,
  request: DataDiskRequest,
  now: string,
): WritePlan {
  const located = locateVm(inventory, target.serviceName, target.deploymentName, target.roleName);
  if (!located.ok) return refuse(located.error);
  const { service, deployment, role } = located.value;
  const lun = request.lun ?? firstFreeLun(role.dataDisks);
  const stamp = now.replace(/\D/g, '').slice(0, 14);
  const diskName = request.diskName ?? `${service.name}-${role.name}-${lun}-${stamp}`;
  const mediaLink = request.mediaLink ?? `${containerOf(role.osDisk.mediaLink)}/${diskName}.vhd`;

  const lockTargets: LockTarget[] = [vmLockTarget(scopeCoveringDeployment(service.name, deployment))];
  const account = storageAccountOfBlobUri(mediaLink);
  if (account !== undefined) {
    const name = findByName(inventory.storageAccounts, account)?.name ?? account;
    lockTargets.push(resourceLockTarget('storageAccount', name, { kind: 'storageAccount', name }));
  }

  // Our texts.
  if (lun < 0 || lun > maxLun)
    return refuse(badRequest(`The LUN ${lun} is out of range (0-${maxLun}).`), lockTargets);
  if (role.dataDisks.some((disk) => disk.lun === lun)) {
    return refuse(conflict(`A data disk is already attached to VM ${role.name} at LUN ${lun}.`), lockTargets);
  }
  if (request.logicalDiskSizeInGB === undefined && request.mediaLink === undefined) {
    return refuse(badRequest('LogicalDiskSizeInGB is required for a new empty data disk.'), lockTargets);
  }
  const disk: DataDisk = dataDiskSchema.parse({
    diskName,
    mediaLink,
    lun,
    logicalDiskSizeInGB: request.logicalDiskSizeInGB ?? 0,
    ...(request.hostCaching === undefined ? {} : { hostCaching: request.hostCaching }),
  });
  const updatedRole = { ...role, dataDisks: [...role.dataDisks, disk] };
  const updated = {
    ...deployment,
    roles: deployment.roles.map((r) => (r === role ? updatedRole : r)),
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

function firstFreeLun(disks: readonly DataDisk[]): number {
  let lun = 0;
  while (disks.some((disk) => disk.lun === lun)) lun++;
  return lun;
}

/** `https://acct.blob.core.windows.net/vhds/os.vhd` → `https://acct.blob.core.windows.net/vhds`. */
function containerOf(blobUri: string): string {
  return blobUri.slice(0, Math.max(blobUri.lastIndexOf('/'), 0));
}
