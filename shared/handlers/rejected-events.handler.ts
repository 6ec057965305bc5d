/**
 * `GET /api/events/rejected[?limit=N]` (N from 1 to 500, default 50) → `{ value: AuditEntry[] }`, newest
 * first: the events that started no operation, and why (see use-cases/events/list-rejected-events.ts).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { listRejectedEvents, rejectedEventsLimit } from '../use-cases/events/list-rejected-events';
import { invalidInput, json } from './http-responses';

const querySchema = z.object({
  limit: z
    .string()
    .regex(/^[0-9]+$/, `must be a whole number from 1 to ${rejectedEventsLimit.max}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(rejectedEventsLimit.max))
    .optional(),
});

export async function getRejectedEvents(
  services: Pick<Services, 'audit'>,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const query = querySchema.safeParse({ limit: request.query.get('limit') ?? undefined });
  if (!query.success) return invalidInput('query', query.error);
  const value = await listRejectedEvents(services, query.data.limit);
  return json(200, { value });
}
