/**
 * Delete Cloud Service (`DELETE /{sub}/services/hostedservices/{service}[?comp=media]`,
 * https://learn.microsoft.com/en-us/rest/api/compute/cloudservices/rest-delete-cloud-service): removes a
 * cloud service from the subscription. Without `comp=media` the cloud service must have no deployment
 * (the SDKs' `deleteAll` sends `comp=media` to delete it with its deployments and their disks). Refused while
 * the scope covering it (or one of its deployments) is under migration (`HostedService {service} …`), and
 * with `comp=media` while a storage account holding its disks is (`Storage account …`). Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { scopeCoveringCloudService } from '../scope/covering-scope';
import { deploymentLockTargets, withoutDeployments } from './delete-deployment';
import { locateCloudService } from './locate';
import { conflict } from './management-error';
import { resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface DeleteCloudServiceRequest {
  serviceName: string;
  /** `comp=media`: delete the deployments and their disks too. */
  deleteAll: boolean;
}

export function planDeleteCloudService(
  inventory: ClassicInventory,
  request: DeleteCloudServiceRequest,
): WritePlan {
  const located = locateCloudService(inventory, request.serviceName);
  if (!located.ok) return refuse(located.error);
  const service = located.value;
  const lockTargets = [
    resourceLockTarget('cloudService', service.name, scopeCoveringCloudService(service)),
    ...deploymentLockTargets(inventory, service, service.deployments, request.deleteAll),
  ];
  if (!request.deleteAll && service.deployments.length > 0) {
    // Our text: Azure refused to delete a cloud service that still had deployments.
    return refuse(
      conflict(
        `The hosted service ${service.name} has deployments. Delete its deployments first, or delete the hosted service with comp=media.`,
      ),
      lockTargets,
    );
  }
  const effect = withoutDeployments(inventory, service, service.deployments, request.deleteAll);
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...effect.inventory,
        cloudServices: effect.inventory.cloudServices.filter((s) => s !== service),
      },
      changed: {
        ...effect.changed,
        removed: [...(effect.changed.removed ?? []), { collection: 'cloudServices', name: service.name }],
      },
    },
  };
}
