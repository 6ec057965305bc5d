/**
 * Delete Role (`DELETE …/deployments/{deployment}/roles/{role}[?comp=media]`): removes a VM and its
 * instance from a deployment. Refused while the VM's scope is under migration, with the VM text. Pure.
 *
 * The last VM of a deployment is not deleted this way (Azure's Delete Role docs send callers to Delete
 * Deployment); the text is ours. The disk repository is not touched (`comp=media` would delete blobs this
 * service does not hold).
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { locateDeployment, locateVm, withDeployment } from './locate';
import { badRequest } from './management-error';
import { vmLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface DeleteRoleRequest {
  serviceName: string;
  deploymentName: string;
  roleName: string;
}

export function planDeleteRole(
  inventory: ClassicInventory,
  request: DeleteRoleRequest,
  now: string,
): WritePlan {
  const deployment = locateDeployment(inventory, request.serviceName, request.deploymentName);
  if (!deployment.ok) return refuse(deployment.error);
  const lockTargets = [
    vmLockTarget(scopeCoveringDeployment(deployment.value.service.name, deployment.value.deployment)),
  ];
  const located = locateVm(inventory, request.serviceName, request.deploymentName, request.roleName);
  if (!located.ok) return refuse(located.error, lockTargets);
  const { service, deployment: current, role } = located.value;
  if (current.roles.length === 1) {
    return refuse(
      badRequest(
        `VM ${role.name} is the only role in deployment ${current.name}; delete the deployment instead.`,
      ),
      lockTargets,
    );
  }
  const updated = {
    ...current,
    roles: current.roles.filter((r) => r !== role),
    roleInstances: current.roleInstances.filter((instance) => !sameName(instance.roleName, role.name)),
    lastModifiedTime: now,
  };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: withDeployment(inventory, service, updated, current),
      changed: { cloudServices: [service.name] },
    },
  };
}
