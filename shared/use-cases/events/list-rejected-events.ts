/**
 * The events that started nothing, newest first: every event that was not a valid migration request
 * (not an envelope, another type, data that is not a request) and every request admission dropped for
 * good (a scope that does not exist, a state that refuses the action), each with the reason it was
 * recorded with (`GET /api/events/rejected`).
 */
import type { AuditEntry, AuditLog } from '../../ports/operation.port';
import { rejectedEventsLog } from './request-from-event';

/** At most this many entries in one answer (the default, and the most a caller may ask for). */
export const rejectedEventsLimit = { default: 50, max: 500 } as const;

export async function listRejectedEvents(
  deps: { audit: AuditLog },
  limit: number = rejectedEventsLimit.default,
): Promise<AuditEntry[]> {
  // The audit log keeps a partition oldest first and answers its last `limit` entries in that order.
  const entries = await deps.audit.listByScope(rejectedEventsLog, limit);
  return [...entries].reverse();
}
