/**
 * The last step of admission: record the operation (`Queued`), put its command on the phase queue and
 * audit it. Safe to retry: the operation id (claimed through the idempotency key when there is one) makes
 * a retried request answer with the operation it already recorded. Only `requestOperation` calls this.
 */
import { phaseQueues } from '../../contracts/names';
import { type OperationRecord, queuedRecordOf } from '../../contracts/operation-record';
import type { PhaseCommand } from '../../contracts/phase-command';
import { phaseSessionId } from '../../contracts/service-bus-ids';
import { scopeKey } from '../../domain/scope/scope';
import type { Clock, IdGenerator } from '../../ports/clock.port';
import type { MessageSender } from '../../ports/message-sender.port';
import type { AuditLog, OperationStore } from '../../ports/operation.port';
import type { AdmissionResult, OperationRequest } from './operation-request';

export interface EnqueueDeps {
  clock: Clock;
  ids: IdGenerator;
  operations: OperationStore;
  audit: AuditLog;
  messages: MessageSender;
}

export async function enqueueOperation(
  deps: EnqueueDeps,
  request: OperationRequest,
): Promise<Extract<AdmissionResult, { kind: 'started' | 'existing' | 'enqueueFailed' }>> {
  const chosen = request.operationId ?? deps.ids.newId();
  let operationId = chosen;
  if (request.idempotencyKey) {
    operationId = await deps.operations.claimIdempotencyKey(
      request.scope.subscriptionId,
      request.idempotencyKey,
      operationId,
    );
  }
  // An id made just now (and not swapped for one the key was bound to before) has no record to find.
  const madeNow = request.operationId === undefined && operationId === chosen;
  const existing = madeNow ? undefined : await deps.operations.get(operationId);
  if (existing && !neverQueued(existing)) return { kind: 'existing', operation: existing };

  const now = deps.clock.now().toISOString();
  const key = scopeKey(request.scope);
  const command: PhaseCommand = {
    v: 1,
    operationId,
    operation: request.operation,
    scope: request.scope,
    options: request.options,
    requestedBy: request.requestedBy,
    source: request.source,
    requestedAt: now,
  };
  const record: OperationRecord = {
    ...queuedRecordOf(command, key),
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
  };
  if (existing) {
    // The same request after its message could not be queued: queue it now under the same id.
    await deps.operations.update(operationId, (current) => (neverQueued(current) ? record : current));
  } else if (!(await deps.operations.create(record))) {
    const raced = await deps.operations.get(operationId);
    if (raced) return { kind: 'existing', operation: raced };
  }
  try {
    await deps.messages.send(phaseQueues[request.operation], [
      { body: command, messageId: operationId, sessionId: phaseSessionId(key), subject: request.operation },
    ]);
  } catch (error) {
    const message = `The ${request.operation} request could not be queued (${error instanceof Error ? error.message : String(error)}). Nothing was changed; send the request again.`;
    const failed = await deps.operations.update(operationId, (current) => ({
      ...current,
      status: 'Failed',
      finishedAt: deps.clock.now().toISOString(),
      error: { code: 'EnqueueFailed', message, httpStatusCode: 503 },
    }));
    return { kind: 'enqueueFailed', operation: failed, message };
  }
  await deps.audit.append({
    at: now,
    scopeKey: key,
    operationId,
    actor: request.requestedBy,
    source: request.source,
    action: request.operation,
    outcome: 'Queued',
    ...(request.origin === undefined ? {} : { detail: `from ${request.origin}` }),
  });
  return { kind: 'started', operation: record };
}

/** An operation whose message never reached its queue: a retry of the same request queues it again. */
export function neverQueued(record: OperationRecord): boolean {
  return record.status === 'Failed' && record.error?.code === 'EnqueueFailed';
}
