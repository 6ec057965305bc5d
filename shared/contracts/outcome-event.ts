/**
 * The CloudEvents 1.0 event published on `migration-events` when an operation ends: type
 * `Classic.Migration.<Phase><Outcome>` (e.g. `Classic.Migration.PrepareSucceeded`), subject = the scope's
 * ID, data = the operation summary. The id is stable per operation and outcome, so republishing after a
 * crash is dropped by duplicate detection.
 */
import { z } from 'zod';

import { migrationStateSchema } from '../domain/migration/migration-state';

export const outcomeEventDataSchema = z.object({
  operationId: z.string(),
  subscriptionId: z.string(),
  scopeKind: z.string(),
  name: z.string(),
  operation: z.string(),
  status: z.enum(['Succeeded', 'Failed']),
  state: migrationStateSchema.optional(),
  requestedBy: z.string(),
  source: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  findings: z.object({ errors: z.number(), warnings: z.number(), information: z.number() }),
  armResourceCount: z.number().optional(),
});

export const outcomeEventSchema = z.object({
  specversion: z.literal('1.0'),
  type: z.string(),
  source: z.string(),
  id: z.string(),
  time: z.string(),
  subject: z.string(),
  datacontenttype: z.literal('application/json'),
  data: outcomeEventDataSchema,
});
export type OutcomeEvent = z.infer<typeof outcomeEventSchema>;

export const eventTypePrefix = 'Classic.Migration.';
