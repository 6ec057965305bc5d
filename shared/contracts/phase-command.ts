/**
 * The message every surface (JSON API, Service Management API, chat, Event Grid, batches) puts on a
 * phase queue. Service Bus message id = `operationId` (duplicate detection), session id = the scope key
 * (one message at a time per scope and queue).
 */
import { z } from 'zod';

import { migrationOperationSchema } from '../domain/migration/migration-state';
import { destinationSchema } from '../domain/scope/destination';
import { scopeRefSchema } from '../domain/scope/scope';
import { validationProfileSchema } from '../domain/validation/validation-profile';

/** Where a command came from, for the audit log. */
export const commandSources = [
  'api',
  'serviceManagement',
  'chat',
  'eventGrid',
  'batch',
  'cli',
  'portal',
] as const;
export const commandSourceSchema = z.enum(commandSources);
export type CommandSource = z.infer<typeof commandSourceSchema>;

export const migrationOptionsSchema = z
  .object({
    /** Cloud services not in a VNet: New (default) or an existing ARM VNet/subnet. */
    destination: destinationSchema.optional(),
    /** Validate: also run the ARM-side pre-flight checks (Prepare always does). */
    includePreflight: z.boolean().optional(),
    /** The validation profile: `ga` (default) or `preview-2016`. */
    profile: validationProfileSchema.optional(),
    /** A naming policy for the generated ARM resources (see docs/naming.md). */
    naming: z.unknown().optional(),
  })
  .strict();
export type MigrationOptions = z.infer<typeof migrationOptionsSchema>;

export const phaseCommandSchema = z.object({
  v: z.literal(1),
  operationId: z.string().min(1),
  operation: migrationOperationSchema,
  scope: scopeRefSchema,
  options: migrationOptionsSchema.default({}),
  requestedBy: z.string().default('anonymous'),
  source: commandSourceSchema.default('api'),
  requestedAt: z.string(),
});
export type PhaseCommand = z.infer<typeof phaseCommandSchema>;
export type PhaseCommandInput = z.input<typeof phaseCommandSchema>;
