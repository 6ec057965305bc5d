/**
 * Update Cloud Service (`PUT /{sub}/services/hostedservices/{service}`, body `UpdateHostedService`,
 * https://learn.microsoft.com/en-us/rest/api/compute/cloudservices/rest-update-cloud-service): changes a
 * cloud service's label or description. Refused while the scope covering it is under migration
 * (`HostedService {service} …`). Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { scopeCoveringCloudService } from '../scope/covering-scope';
import { locateCloudService } from './locate';
import { badRequest } from './management-error';
import { resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface UpdateCloudServiceRequest {
  label?: string;
  description?: string;
}

export function planUpdateCloudService(
  inventory: ClassicInventory,
  serviceName: string,
  request: UpdateCloudServiceRequest,
  now: string,
): WritePlan {
  const located = locateCloudService(inventory, serviceName);
  if (!located.ok) return refuse(located.error);
  const service = located.value;
  const lockTargets = [resourceLockTarget('cloudService', service.name, scopeCoveringCloudService(service))];
  if (request.label === undefined && request.description === undefined) {
    // Azure's documentation: Label is optional if Description is given, and the other way round.
    return refuse(badRequest('Specify a Label or a Description for the hosted service.'), lockTargets);
  }
  const updated = {
    ...service,
    ...(request.label === undefined ? {} : { label: request.label }),
    ...(request.description === undefined ? {} : { description: request.description }),
    dateLastModified: now,
  };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...inventory,
        cloudServices: inventory.cloudServices.map((s) => (s === service ? updated : s)),
      },
      changed: { cloudServices: [service.name] },
    },
  };
}
