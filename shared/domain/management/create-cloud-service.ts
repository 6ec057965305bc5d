/**
 * Create Cloud Service (`POST /{sub}/services/hostedservices`, body `CreateHostedService`): adds an empty
 * cloud service to the Classic inventory. Refused while a cloud service of that name is under migration
 * (`HostedService {name} is in the process…`); otherwise a taken name is a conflict. Pure.
 */
import { type CloudService, cloudServiceSchema } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import { scopeCoveringCloudService } from '../scope/covering-scope';
import { badRequest, conflict } from './management-error';
import { resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface CreateCloudServiceRequest {
  serviceName: string;
  label?: string;
  description?: string;
  location?: string;
  affinityGroup?: string;
}

/** A cloud service name is a DNS label under cloudapp.net: 3–63 letters, digits and inner hyphens. */
const dnsLabel = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/i;

export function planCreateCloudService(
  inventory: ClassicInventory,
  request: CreateCloudServiceRequest,
  now: string,
): WritePlan {
  const existing = findByName(inventory.cloudServices, request.serviceName);
  if (existing) {
    const lockTargets = [
      resourceLockTarget('cloudService', existing.name, scopeCoveringCloudService(existing)),
    ];
    // Our text; Azure's wording for a taken name is in no public source.
    return refuse(conflict('The specified DNS name is already taken.'), lockTargets);
  }
  if (!dnsLabel.test(request.serviceName)) {
    return refuse(badRequest(`The hosted service name '${request.serviceName}' is invalid.`));
  }
  if ((request.location === undefined) === (request.affinityGroup === undefined)) {
    return refuse(badRequest('Specify either a Location or an AffinityGroup for the hosted service.'));
  }
  const service: CloudService = cloudServiceSchema.parse({
    name: request.serviceName,
    location: request.location,
    affinityGroup: request.affinityGroup,
    label: request.label,
    description: request.description,
    status: 'Created',
    dateCreated: now,
    dateLastModified: now,
    deployments: [],
  });
  return {
    lockTargets: [],
    outcome: {
      ok: true,
      inventory: { ...inventory, cloudServices: [...inventory.cloudServices, service] },
      changed: { cloudServices: [service.name] },
    },
  };
}
