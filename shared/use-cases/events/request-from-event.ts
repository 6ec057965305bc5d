/**
 * A `Classic.Migration.Requested` event becomes an operation through admission, idempotent by event id
 * (Event Grid delivers at least once: a redelivered event answers with the operation it started).
 *
 * What happens to each admission result is decided here, for Event Grid's retry semantics
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry): an event that can never be valid is
 * dropped with the reason audited (retrying it would only fill the dead-letter container), and one that
 * may be accepted later is retried by Event Grid.
 *
 * Out-of-order events (our choice, documented in the README):
 * - an operation asked while another runs on the scope (a Commit before its Prepare finished) is retried by
 *   Event Grid with its back-off (10 s, 30 s, 1 min, 5 min, …, up to the subscription's 24-hour TTL), so
 *   it runs once the scope is free, or is refused then for the state the scope ended in;
 * - so is an operation the scope's state refuses while an earlier operation on the scope is still queued or
 *   running (a Commit that arrives while its Prepare waits in the queue meets state None, NotPrepared, but
 *   the Prepare may yet change that);
 * - an operation the scope's state refuses outright (a Commit whose Prepare never arrived: NotPrepared) is
 *   dropped with the refusal audited. Publishers that need an order chain on the outcome events
 *   (`Classic.Migration.PrepareSucceeded` → publish the Commit request).
 *
 * Every dropped event is audited twice: under its scope by admission (with the scope's history), and in the
 * `events` log (`GET /api/events/rejected`), the one place that answers "what happened to my event?" — a
 * scope that does not exist has no status to read its audit from.
 */
import type { IncomingEvent, MigrationRequestData } from '../../contracts/migration-request-event';
import { eventIdempotencyKey } from '../../contracts/migration-request-event';
import type { OperationRecord } from '../../contracts/operation-record';
import { describeScope } from '../../domain/scope/scope';
import type { Clock } from '../../ports/clock.port';
import type { AuditLog } from '../../ports/operation.port';
import { type AdmissionDisposition, dispositionOf } from '../request-operation/operation-request';
import type { AdmissionDeps } from '../request-operation/request-operation';
import { requestOperation } from '../request-operation/request-operation';

export type EventOutcome =
  | { kind: 'admitted'; operation: OperationRecord; existing: boolean }
  /** Never valid as sent: completed without an operation; the reason is in the audit log. */
  | { kind: 'dropped'; code: string; reason: string }
  /** May be accepted later: the trigger fails so that Event Grid delivers the event again. */
  | { kind: 'retry'; code: string; reason: string };

export async function requestOperationFromEvent(
  deps: AdmissionDeps,
  event: IncomingEvent,
  data: MigrationRequestData,
): Promise<EventOutcome> {
  const scope = { subscriptionId: data.subscriptionId, kind: data.scopeKind, name: data.name };
  const result = await requestOperation(deps, {
    scope,
    operation: data.action,
    options: data.options ?? {},
    requestedBy: requesterOf(event, data),
    source: 'eventGrid',
    origin: `event ${event.id} from ${event.source || 'an unnamed source'}`,
    idempotencyKey: eventIdempotencyKey(event),
  });
  const outcome = outcomeOf(dispositionOf(result));
  if (outcome.kind === 'dropped') {
    await recordRejectedEvent(
      deps,
      event,
      `${data.action} of ${describeScope(scope)} in subscription ${scope.subscriptionId}: ${outcome.reason}`,
      outcome.code,
    );
  }
  return outcome;
}

function outcomeOf(disposition: AdmissionDisposition): EventOutcome {
  switch (disposition.kind) {
    case 'admitted':
      return disposition;
    case 'permanent':
      return { kind: 'dropped', code: disposition.code, reason: disposition.message };
    case 'later':
      return { kind: 'retry', code: disposition.code, reason: disposition.message };
  }
}

/**
 * Audits an event that started nothing in the `events` log: one that is not a valid migration request
 * (`InvalidEvent`: no scope to file it under), or one that admission dropped (its refusal code).
 */
export async function recordRejectedEvent(
  deps: { audit: AuditLog; clock: Clock },
  event: Pick<IncomingEvent, 'id' | 'source' | 'type'> | undefined,
  reason: string,
  code = 'InvalidEvent',
): Promise<void> {
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    scopeKey: rejectedEventsLog,
    actor: event?.source || 'unknown',
    source: 'eventGrid',
    action: event?.type ?? 'unknown',
    outcome: `Rejected: ${code}`,
    detail: event ? `event ${event.id}: ${reason}` : reason,
  });
}

/** The audit partition of the events that started nothing (`GET /api/events/rejected`). */
export const rejectedEventsLog = 'events';

function requesterOf(event: IncomingEvent, data: MigrationRequestData): string {
  const source = event.source || 'eventGrid';
  return data.requestedBy ? `${data.requestedBy} (via ${source})` : source;
}
