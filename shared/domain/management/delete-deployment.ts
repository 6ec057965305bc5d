/**
 * Delete Deployment (`DELETE …/hostedservices/{service}/deployments/{deployment}` or
 * `…/deploymentslots/{slot}`, `?comp=media` to delete the disks too;
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/ee460815(v=azure.100)): removes a
 * deployment and its VMs from a cloud service. Refused while the scope covering the deployment is under
 * migration, as a change to the cloud service (`HostedService {service} …`); with `comp=media`, also while a
 * storage account holding its disks is (`Storage account …`). Pure.
 *
 * As Azure documents it, a reserved IP the deployment used stays reserved, no longer in use. The disks of
 * the disk repository attached to its VMs are detached, or with `comp=media` deleted (their blobs are not
 * held by this service).
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName, storageAccountOfBlobUri } from '../classic/names';
import type { ReservedIp } from '../classic/network.schema';
import type { ClassicDisk } from '../classic/storage.schema';
import { isPersistentVmRole } from '../classic/virtual-machines';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { deploymentNotFound, locateCloudService } from './locate';
import { resourceNotFound } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import { type ChangedResources, refuse, type RemovedResource, type WritePlan } from './management-write';

export interface DeleteDeploymentRequest {
  serviceName: string;
  /** The deployment by name (`…/deployments/{name}`) or by slot (`…/deploymentslots/{slot}`). */
  deployment: { name: string } | { slot: string };
  /** `comp=media`: delete the disks too. */
  deleteMedia: boolean;
}

export function planDeleteDeployment(
  inventory: ClassicInventory,
  request: DeleteDeploymentRequest,
  now: string,
): WritePlan {
  const located = locateCloudService(inventory, request.serviceName);
  if (!located.ok) return refuse(located.error);
  const service = located.value;
  const deployment =
    'name' in request.deployment
      ? findByName(service.deployments, request.deployment.name)
      : service.deployments.find(
          (d) => 'slot' in request.deployment && sameName(d.slot, request.deployment.slot),
        );
  if (!deployment) {
    return refuse(
      'name' in request.deployment
        ? deploymentNotFound(request.deployment.name)
        : // Our text, as Get Deployment by slot answers for an empty slot.
          resourceNotFound('No deployments were found.'),
    );
  }
  const lockTargets = deploymentLockTargets(inventory, service, [deployment], request.deleteMedia);
  const remaining = { ...service, deployments: service.deployments.filter((d) => d !== deployment) };
  const effect = withoutDeployments(inventory, service, [deployment], request.deleteMedia);
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...effect.inventory,
        cloudServices: effect.inventory.cloudServices.map((s) =>
          s === service ? { ...remaining, dateLastModified: now } : s,
        ),
      },
      changed: { ...effect.changed, cloudServices: [service.name] },
    },
  };
}

/**
 * The locks of deleting deployments of a cloud service: the scope covering each (the cloud service's text),
 * then, when their disks go too, the storage accounts holding them.
 */
export function deploymentLockTargets(
  inventory: ClassicInventory,
  service: CloudService,
  deployments: readonly Deployment[],
  deleteMedia: boolean,
): LockTarget[] {
  const targets = deployments.map((deployment) =>
    resourceLockTarget('cloudService', service.name, scopeCoveringDeployment(service.name, deployment)),
  );
  if (!deleteMedia) return targets;
  const accounts = new Set<string>();
  for (const deployment of deployments)
    for (const role of deployment.roles.filter(isPersistentVmRole))
      for (const uri of [role.osDisk.mediaLink, ...role.dataDisks.map((disk) => disk.mediaLink)]) {
        const account = storageAccountOfBlobUri(uri);
        if (account !== undefined) accounts.add(account);
      }
  for (const account of accounts) {
    const name = findByName(inventory.storageAccounts, account)?.name ?? account;
    targets.push(resourceLockTarget('storageAccount', name, { kind: 'storageAccount', name }));
  }
  return targets;
}

/**
 * What else changes when deployments of `service` go: the reserved IPs they used are released, the disks
 * attached to their VMs detached (or deleted with `deleteMedia`). The cloud service itself is the caller's.
 */
export function withoutDeployments(
  inventory: ClassicInventory,
  service: CloudService,
  deployments: readonly Deployment[],
  deleteMedia: boolean,
): { inventory: ClassicInventory; changed: ChangedResources } {
  const gone = (serviceName: string | undefined, deploymentName: string | undefined) =>
    sameName(serviceName, service.name) &&
    deployments.some((deployment) => sameName(deployment.name, deploymentName));
  const released = inventory.reservedIps.filter((ip) => gone(ip.serviceName, ip.deploymentName));
  const attached = inventory.disks.filter(
    (disk) => disk.attachedTo && gone(disk.attachedTo.hostedServiceName, disk.attachedTo.deploymentName),
  );
  const reservedIps = inventory.reservedIps.map((ip): ReservedIp =>
    released.includes(ip) ? { ...ip, serviceName: undefined, deploymentName: undefined } : ip,
  );
  const disks = deleteMedia
    ? inventory.disks.filter((disk) => !attached.includes(disk))
    : inventory.disks.map((disk): ClassicDisk =>
        attached.includes(disk) ? { ...disk, attachedTo: undefined } : disk,
      );
  const removed: RemovedResource[] = deleteMedia
    ? attached.map((disk) => ({ collection: 'disks', name: disk.name }))
    : [];
  return {
    inventory: { ...inventory, reservedIps, disks },
    changed: {
      reservedIps: released.map((ip) => ip.name),
      disks: deleteMedia ? [] : attached.map((disk) => disk.name),
      removed,
    },
  };
}
