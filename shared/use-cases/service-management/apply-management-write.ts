/**
 * Runs one management-plane write: load the Classic inventory, plan the change, refuse it if a scope
 * guarding it is locked (Prepare until Commit/Abort), else save what changed and record the operation
 * under the request id, so `GET /{subscriptionId}/operations/{requestId}` reports it `Succeeded`. What a
 * write deleted (a cloud service, reserved IP, storage account or disk) is removed after the rest is saved,
 * so a failure in between leaves the resource in place rather than references to a missing one.
 *
 * The change is made before the response, so the operation is finished when the client first polls;
 * Azure ran these asynchronously, and clients poll either way.
 *
 * Hazard: the lock is read, then the inventory is written; a Prepare accepted in between reads the
 * inventory again once it holds the lock (its translate step), so it sees a change saved before that
 * read. A change saved after it is not part of the ARM side — the window is the time between two table
 * calls, and Azure gave no stronger promise about writes racing a Prepare either.
 */
import type { Services } from '../../composition';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import type { ManagementError } from '../../domain/management/management-error';
import { lockRefusal } from '../../domain/management/management-lock';
import { changedPart, type WritePlan } from '../../domain/management/management-write';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { readScopeStates } from './scope-states';

export type ManagementWriteDeps = Pick<Services, 'classicInventory' | 'managementOperations' | 'clock'> & {
  entity: ScopeEntityGateway;
};

export interface ManagementWriteRequest {
  subscriptionId: string;
  requestId: string;
  /** `CreateDeployment`, `AddDataDisk`, … (recorded with the operation). */
  kind: string;
  /** What it acts on, for the record: `service/deployment/role`. */
  target: string;
  requestedBy: string;
  plan(inventory: ClassicInventory, now: string): WritePlan;
}

export type ManagementWriteResult = { ok: true } | { ok: false; error: ManagementError };

export async function applyManagementWrite(
  deps: ManagementWriteDeps,
  request: ManagementWriteRequest,
): Promise<ManagementWriteResult> {
  const now = deps.clock.now().toISOString();
  const inventory = await deps.classicInventory.load(request.subscriptionId);
  const plan = request.plan(inventory, now);
  const stateOf = await readScopeStates(
    deps.entity,
    request.subscriptionId,
    plan.lockTargets.map((target) => target.scope),
  );
  const locked = lockRefusal(plan.lockTargets, stateOf);
  if (locked) return { ok: false, error: locked };
  if (!plan.outcome.ok) return plan.outcome;

  await deps.classicInventory.save(changedPart(plan.outcome.inventory, plan.outcome.changed));
  const removed = plan.outcome.changed.removed ?? [];
  if (removed.length > 0) await deps.classicInventory.remove(request.subscriptionId, removed);
  await deps.managementOperations.record({
    requestId: request.requestId,
    subscriptionId: request.subscriptionId,
    kind: request.kind,
    target: request.target,
    status: 'Succeeded',
    httpStatusCode: 200,
    requestedBy: request.requestedBy,
    at: now,
  });
  return { ok: true };
}
