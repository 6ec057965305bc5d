/**
 * Admission: the one place that decides whether an operation on a scope may start, for every surface.
 *
 * In order:
 * 1. the subscription must be registered for migration (Azure refused every migration call before
 *    anything else, Validate included: D6);
 * 2. the request must make sense (a destination applies only to a cloud service outside a VNet);
 * 3. a request seen before (operation id, idempotency key, event id) answers with its operation, whatever
 *    the scope's state is now — a retry must not be refused because its own operation moved the scope on;
 *    otherwise the request runs under the profile chosen for it (its own, else the subscription's, else
 *    `ga`: migration-profile.ts), which goes on its command; a profile without a separate Validate
 *    operation (the May 2016 preview) refuses a Validate (`NoSeparateValidate`);
 * 4. a scope the entity never saw must exist in the Classic inventory (once the entity knows the scope its
 *    Classic resources may already be leaving: Commit removes them);
 * 5. the scope's state must allow the operation (the state machine; Validate is always allowed); a
 *    refusal says whether time alone may lift it (an operation on the scope runs or is still queued);
 * 6. a Prepare, Commit or Abort is refused while another of them on the scope is still queued or running
 *    (`OperationInProgress`, naming it): concurrent commands on one scope join it (same idempotency key or
 *    operation id, step 3) or are told who holds the scope, instead of queueing up behind it;
 * 7. a Prepare is refused while a scope sharing resources with it is being migrated
 *    (`OverlappingMigration`: the same storage account, reserved IP, NSG or route table cannot be in two
 *    migrations);
 * 8. record and enqueue.
 *
 * The entity stays the arbiter: its state read here can be stale, and a request admitted here may still be
 * refused by the phase, which records that on the operation. Every refusal is audited with who asked,
 * from where and why. Storage faults are thrown (the surface answers "try again"), never turned into a
 * refusal.
 */
import type { OperationRecord } from '../../contracts/operation-record';
import { decideStart } from '../../domain/migration/migration.machine';
import { refusal } from '../../domain/migration/migration.refusals';
import { describeScope, scopeKey } from '../../domain/scope/scope';
import { resolveScope } from '../../domain/scope/scope-contents';
import { registrationRefusal } from '../../domain/validation/subscription-registration';
import type { ClassicInventoryStore } from '../../ports/inventory.port';
import type { InventoryVersions } from '../../ports/inventory-version.port';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import type { InventoryCache } from '../inventory-cache/inventory-cache';
import { type ProfileDeps, profiledOptions } from '../migration-profile';
import { overlappingMigrationRefusal } from '../overlapping-migrations';
import { holdsMigratableDeployment } from '../scope-lookup';
import { type EnqueueDeps, enqueueOperation, neverQueued } from './enqueue-operation';
import type { AdmissionResult, OperationRequest } from './operation-request';
import { scopeNotFound } from './scope-not-found';

export type AdmissionDeps = EnqueueDeps &
  ProfileDeps & {
    classicInventory: ClassicInventoryStore;
    inventoryVersions: InventoryVersions;
    inventoryCache: InventoryCache;
    entity: ScopeEntityGateway;
  };

export async function requestOperation(
  deps: AdmissionDeps,
  request: OperationRequest,
): Promise<AdmissionResult> {
  const result = await admit(deps, request);
  if (result.kind !== 'started' && result.kind !== 'existing') await auditRejection(deps, request, result);
  return result;
}

async function admit(deps: AdmissionDeps, asked: OperationRequest): Promise<AdmissionResult> {
  const { scope, operation } = asked;
  // The reads every decision below may need, at once (the decisions keep their order); the inventory comes
  // from the cache, loaded once per inventory version rather than on every request.
  const [inventory, seen, profiled] = await Promise.all([
    deps.inventoryCache.classic(deps, scope.subscriptionId),
    previouslyAdmitted(deps, asked),
    profiledOptions(deps, scope.subscriptionId, operation, asked.options),
  ]);
  const notRegistered = registrationRefusal(inventory);
  if (notRegistered) return { kind: 'notRegistered', refusal: notRegistered };

  if (asked.options.destination && scope.kind !== 'cloudService') {
    return {
      kind: 'invalid',
      code: 'DestinationNotApplicable',
      message: 'A destination applies only to cloud services that are not in a virtual network.',
    };
  }

  if (seen) return seen;

  if (!profiled.ok) return { kind: 'invalid', ...profiled.refusal };
  const request: OperationRequest = { ...asked, options: profiled.options };

  const key = scopeKey(scope);
  const deploymentName = request.deploymentName;
  const inClassic =
    resolveScope(inventory, scope) !== undefined &&
    (deploymentName === undefined || holdsMigratableDeployment(inventory, scope.name, deploymentName));
  // No state refuses a Validate: one of a scope the inventory holds is admitted without reading the entity.
  if (operation === 'validate' && inClassic) return enqueueOperation(deps, request);
  const entityState = await deps.entity.read(key);
  const state = entityState?.state ?? 'None';
  if (state === 'None' && !inClassic) return scopeNotFound(scope, deploymentName);

  if (operation !== 'validate') {
    const decision = decideStart(state, operation);
    if (decision.kind !== 'refuse') {
      const pending = await pendingOperation(deps, key);
      if (pending) {
        // The same request may have bound its idempotency key meanwhile (a concurrent copy): it joins.
        const joined = await previouslyAdmitted(deps, request);
        if (joined) return joined;
        const { code, message } = refusal('OperationInProgress', {
          operation,
          state,
          scopeLabel: describeScope(scope),
          inFlight: { operation: pending.operation, operationId: pending.operationId },
        });
        return {
          kind: 'refused',
          code,
          message,
          state,
          retryable: true,
          pending: { operationId: pending.operationId, operation: pending.operation },
        };
      }
      const overlap = await overlappingMigrationRefusal(deps.entity, inventory, scope, operation);
      if (overlap) return { kind: 'refused', ...overlap, state };
    }
    if (decision.kind === 'refuse') {
      const { code, message } = refusal(decision.code, {
        operation,
        state,
        scopeLabel: describeScope(scope),
        ...(entityState?.running ? { inFlight: entityState.running } : {}),
      });
      if (code === 'OperationInProgress') return { kind: 'refused', code, message, state, retryable: true };
      const pending = await pendingOperation(deps, key);
      return {
        kind: 'refused',
        code,
        message,
        state,
        retryable: pending !== undefined,
        ...(pending ? { pending: { operationId: pending.operationId, operation: pending.operation } } : {}),
      };
    }
  }
  return enqueueOperation(deps, request);
}

/** The newest operation on the scope that may still change its state (queued or running), if any. */
async function pendingOperation(deps: AdmissionDeps, key: string): Promise<OperationRecord | undefined> {
  const recent = await deps.operations.listByScope(key, 10);
  return recent.find(
    (operation) =>
      operation.operation !== 'validate' &&
      (operation.status === 'Queued' || operation.status === 'InProgress'),
  );
}

/** The operation this same request already started, if any; a key reused for another request is invalid. */
async function previouslyAdmitted(
  deps: AdmissionDeps,
  request: OperationRequest,
): Promise<AdmissionResult | undefined> {
  const operationId =
    request.operationId ??
    (request.idempotencyKey === undefined
      ? undefined
      : await deps.operations.findIdempotencyKey(request.scope.subscriptionId, request.idempotencyKey));
  if (operationId === undefined) return undefined;
  const existing = await deps.operations.get(operationId);
  // A key bound to an operation that was never recorded (a crash between the two writes): admit anew, and
  // the enqueue step will reuse the bound operation id.
  // A request whose message never reached its queue is admitted again: the retry queues it (same id).
  if (!existing || neverQueued(existing)) return undefined;
  const sameRequest =
    existing.scopeKey === scopeKey(request.scope) && existing.operation === request.operation;
  if (!sameRequest) {
    return {
      kind: 'invalid',
      code: 'IdempotencyKeyReused',
      message: `${request.operationId === undefined ? 'The idempotency key' : `Operation id ${operationId}`} was already used for ${existing.operation} of ${describeScope(existing.scope)} (operation ${existing.operationId}). Use a new key for a different request.`,
    };
  }
  return { kind: 'existing', operation: existing };
}

async function auditRejection(
  deps: AdmissionDeps,
  request: OperationRequest,
  result: Exclude<AdmissionResult, { kind: 'started' | 'existing' }>,
): Promise<void> {
  const [code, message] = ((): [string, string] => {
    switch (result.kind) {
      case 'notRegistered':
        return [result.refusal.code, result.refusal.message];
      case 'notFound':
        return ['ResourceNotFound', result.message];
      case 'invalid':
      case 'refused':
        return [result.code, result.message];
      case 'enqueueFailed':
        return ['EnqueueFailed', result.message];
    }
  })();
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    scopeKey: scopeKey(request.scope),
    ...(result.kind === 'enqueueFailed' ? { operationId: result.operation.operationId } : {}),
    actor: request.requestedBy,
    source: request.source,
    action: request.operation,
    outcome: `Rejected: ${code}`,
    detail: request.origin === undefined ? message : `${message} (from ${request.origin})`,
  });
}
