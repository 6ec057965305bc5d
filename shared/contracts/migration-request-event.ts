/**
 * The event that asks for an operation (README, Event subscriptions and batch runs): Event Grid schema
 * `eventType` or CloudEvents 1.0 `type` `Classic.Migration.Requested`,
 * `data: { subscriptionId, scopeKind, name, action, options? }`.
 *
 * Both envelopes are accepted as the Functions Event Grid trigger hands them over:
 * - Event Grid schema: `id`, `eventType`, `subject`, `eventTime`, `data`, `dataVersion`, `topic` (set by
 *   Event Grid) — https://learn.microsoft.com/azure/event-grid/event-schema
 * - CloudEvents 1.0 (structured): `specversion`, `id`, `source`, `type`, `data`, optional `subject`, `time`
 *   — https://learn.microsoft.com/azure/event-grid/cloud-event-schema
 */
import { z } from 'zod';

import { migrationOperationSchema } from '../domain/migration/migration-state';
import { migrationOptionsSchema } from './phase-command';
import { scopeKindInputSchema } from './scope-kind-input';

export const migrationRequestedEventType = 'Classic.Migration.Requested';

const eventGridEnvelopeSchema = z.looseObject({
  id: z.string().min(1),
  eventType: z.string(),
  subject: z.string().optional(),
  eventTime: z.string().optional(),
  topic: z.string().optional(),
  data: z.unknown(),
});

const cloudEventEnvelopeSchema = z.looseObject({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string(),
  subject: z.string().optional(),
  time: z.string().optional(),
  // Optional in CloudEvents 1.0: an event without data is still a CloudEvent (and not a request).
  data: z.unknown().optional(),
});

export const migrationRequestDataSchema = z.object({
  subscriptionId: z.string().min(1),
  scopeKind: scopeKindInputSchema,
  name: z.string().min(1),
  action: z.string().transform((value, context) => {
    const action = migrationOperationSchema.safeParse(value.toLowerCase());
    if (action.success) return action.data;
    context.addIssue({
      code: 'custom',
      message: `'${value}' is not an action; use validate, prepare, commit or abort`,
    });
    return z.NEVER;
  }),
  options: migrationOptionsSchema.optional(),
  /** Who the publisher says asked (recorded as said, next to the event's source). */
  requestedBy: z.string().max(256).optional(),
});
export type MigrationRequestData = z.output<typeof migrationRequestDataSchema>;

/** One event, whichever envelope it came in. */
export interface IncomingEvent {
  schema: 'EventGrid' | 'CloudEvents';
  id: string;
  type: string;
  /** CloudEvents `source`, or the Event Grid `topic` (empty when a publisher posted straight to us). */
  source: string;
  data: unknown;
}

export type EnvelopeResult = { ok: true; event: IncomingEvent } | { ok: false; reason: string };

export function readEnvelope(raw: unknown): EnvelopeResult {
  const cloudEvent = cloudEventEnvelopeSchema.safeParse(raw);
  if (cloudEvent.success) {
    const { id, type, source, data } = cloudEvent.data;
    return { ok: true, event: { schema: 'CloudEvents', id, type, source, data } };
  }
  const eventGrid = eventGridEnvelopeSchema.safeParse(raw);
  if (eventGrid.success) {
    const { id, eventType, topic, data } = eventGrid.data;
    return { ok: true, event: { schema: 'EventGrid', id, type: eventType, source: topic ?? '', data } };
  }
  return {
    ok: false,
    reason:
      'the event is neither an Event Grid schema event (id, eventType, data) nor a CloudEvent 1.0 (specversion, id, source, type)',
  };
}

export type RequestDataResult = { ok: true; data: MigrationRequestData } | { ok: false; reason: string };

export function readRequestData(event: IncomingEvent): RequestDataResult {
  if (event.type !== migrationRequestedEventType) {
    return { ok: false, reason: `its type '${event.type}' is not ${migrationRequestedEventType}` };
  }
  // CloudEvents may carry data as a JSON string (binary mode, or a publisher that serialised it twice).
  let data = event.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return { ok: false, reason: 'its data is a string that is not JSON' };
    }
  }
  const parsed = migrationRequestDataSchema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    reason: `its data is not a migration request: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`).join('; ')}`,
  };
}

/**
 * The idempotency key of an event: ids are unique per source (CloudEvents 1.0 §3.1.1). Both parts are
 * JSON-quoted so that a `:` in either cannot make two events share a key.
 */
export function eventIdempotencyKey(event: IncomingEvent): string {
  return `event:${JSON.stringify([event.source, event.id])}`;
}
