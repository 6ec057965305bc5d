/**
 * Starts an operation on a scope for any surface (JSON API, Service Management API, chat, Event Grid,
 * batches): records it, puts it on its phase queue and returns its id. Safe to retry: a client operation
 * id or an idempotency key makes a retried request answer with the operation it already started.
 */
import { phaseQueues } from '../contracts/names';
import type { OperationRecord } from '../contracts/operation-record';
import type { CommandSource, MigrationOptions, PhaseCommand } from '../contracts/phase-command';
import type { MigrationOperation } from '../domain/migration/migration-state';
import { scopeKey, type ScopeRef } from '../domain/scope/scope';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { MessageSender } from '../ports/message-sender.port';
import type { AuditLog, OperationStore } from '../ports/operation.port';
import { recordFromCommand } from './phases/run-phase';

export interface StartOperationRequest {
  scope: ScopeRef;
  operation: MigrationOperation;
  options: MigrationOptions;
  requestedBy: string;
  source: CommandSource;
  /** From the client, to make retries safe (`Idempotency-Key` header). */
  idempotencyKey?: string;
  /** A client-chosen operation id (e.g. the Service Management request id). */
  operationId?: string;
  /** Where the request came from, for the audit log (address, chat channel…). */
  origin?: string;
}

export type StartOperationResult =
  | { kind: 'started'; operation: OperationRecord }
  | { kind: 'existing'; operation: OperationRecord }
  | { kind: 'enqueueFailed'; operation: OperationRecord; message: string };

export interface StartOperationDeps {
  clock: Clock;
  ids: IdGenerator;
  operations: OperationStore;
  audit: AuditLog;
  messages: MessageSender;
}

export async function startOperation(
  deps: StartOperationDeps,
  request: StartOperationRequest,
): Promise<StartOperationResult> {
  let operationId = request.operationId ?? deps.ids.newId();
  if (request.idempotencyKey) {
    operationId = await deps.operations.claimIdempotencyKey(
      request.scope.subscriptionId,
      request.idempotencyKey,
      operationId,
    );
  }
  const existing = await deps.operations.get(operationId);
  if (existing) return { kind: 'existing', operation: existing };

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
    ...recordFromCommand(command, key),
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
  };
  if (!(await deps.operations.create(record))) {
    const raced = await deps.operations.get(operationId);
    if (raced) return { kind: 'existing', operation: raced };
  }
  try {
    await deps.messages.send(phaseQueues[request.operation], [
      { body: command, messageId: operationId, sessionId: key, subject: request.operation },
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
