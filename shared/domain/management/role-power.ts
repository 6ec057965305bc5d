/**
 * Start, shut down and restart VMs (`POST …/roleinstances/{instance}/Operations` with
 * `StartRoleOperation`, `ShutdownRoleOperation`, `RestartRoleOperation`; `POST …/Roles/Operations` with
 * `StartRolesOperation` / `ShutdownRolesOperation`): changes the instance status and power state the
 * migration's checks read (a VM must be Running, Stopped or Stopped Deallocated, D3, D5). Refused while the
 * VMs' scope is under migration, with the VM text. Pure.
 *
 * Statuses as Service Management reported them (C4, C9): started → `ReadyRole`/`Started`; shut down with
 * `PostShutdownAction` `Stopped` (the default) → `StoppedVM`/`Stopped`, with `StoppedDeallocated` →
 * `StoppedDeallocated`/`Stopped`.
 */
import type { RoleInstance } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { locateDeployment, withDeployment } from './locate';
import { badRequest, resourceNotFound } from './management-error';
import { vmLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export type PowerAction = 'start' | 'restart' | 'shutdown';

export interface RolePowerRequest {
  serviceName: string;
  deploymentName: string;
  /** The VM (role) names; a roleinstances path names the instance, resolved to its role by the caller. */
  roleNames: string[];
  action: PowerAction;
  /** Shutdown only: `Stopped` (default) or `StoppedDeallocated`. */
  postShutdownAction?: string;
}

export function planRolePower(
  inventory: ClassicInventory,
  request: RolePowerRequest,
  now: string,
): WritePlan {
  const located = locateDeployment(inventory, request.serviceName, request.deploymentName);
  if (!located.ok) return refuse(located.error);
  const { service, deployment } = located.value;
  const lockTargets = [vmLockTarget(scopeCoveringDeployment(service.name, deployment))];

  if (request.roleNames.length === 0) return refuse(badRequest('No roles were named.'), lockTargets);
  const missing = request.roleNames.find(
    (name) => !deployment.roleInstances.some((instance) => sameName(instance.roleName, name)),
  );
  if (missing !== undefined) {
    return refuse(resourceNotFound(`The virtual machine '${missing}' does not exist.`), lockTargets);
  }
  const status = statusAfter(request.action, request.postShutdownAction);
  if (!status) {
    return refuse(
      badRequest(
        `'${request.postShutdownAction ?? ''}' is not a PostShutdownAction. Use Stopped or StoppedDeallocated.`,
      ),
      lockTargets,
    );
  }
  const roleInstances = deployment.roleInstances.map((instance): RoleInstance =>
    request.roleNames.some((name) => sameName(name, instance.roleName))
      ? { ...instance, ...status }
      : instance,
  );
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: withDeployment(
        inventory,
        service,
        { ...deployment, roleInstances, lastModifiedTime: now },
        deployment,
      ),
      changed: { cloudServices: [service.name] },
    },
  };
}

function statusAfter(
  action: PowerAction,
  postShutdownAction: string | undefined,
): Pick<RoleInstance, 'instanceStatus' | 'powerState'> | undefined {
  if (action !== 'shutdown') return { instanceStatus: 'ReadyRole', powerState: 'Started' };
  switch ((postShutdownAction ?? 'Stopped').toLowerCase()) {
    case 'stopped':
      return { instanceStatus: 'StoppedVM', powerState: 'Stopped' };
    case 'stoppeddeallocated':
      return { instanceStatus: 'StoppedDeallocated', powerState: 'Stopped' };
    default:
      return undefined;
  }
}
