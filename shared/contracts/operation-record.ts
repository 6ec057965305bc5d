/**
 * An operation as the Operations table keeps it and `GET /api/operations/{operationId}` returns it.
 * Status values are the JSON API's (`Queued | InProgress | Succeeded | Failed`); the Service Management
 * operation status maps Queued to InProgress.
 */
import { z } from 'zod';

import { migrationOperationSchema, migrationStateSchema } from '../domain/migration/migration-state';
import { scopeRefSchema } from '../domain/scope/scope';
import { findingSchema } from '../domain/validation/finding';
import { commandSourceSchema, migrationOptionsSchema, type PhaseCommand } from './phase-command';

export const operationStatuses = ['Queued', 'InProgress', 'Succeeded', 'Failed'] as const;
export const operationStatusSchema = z.enum(operationStatuses);
export type OperationStatus = z.infer<typeof operationStatusSchema>;

export const operationErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** The HTTP status a synchronous API would have answered (Service Management `HttpStatusCode`). */
  httpStatusCode: z.number().int().optional(),
});
export type OperationError = z.infer<typeof operationErrorSchema>;

/** A data-plane change an operation made (VMs outside a VNet are stopped, deallocated and restarted). */
export const dataPlaneEffectSchema = z.object({
  cloudService: z.string(),
  virtualMachine: z.string(),
  actions: z.array(z.string()),
  internalIp: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  vip: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
});
export type DataPlaneEffect = z.infer<typeof dataPlaneEffectSchema>;

export const operationRecordSchema = z.object({
  operationId: z.string(),
  operation: migrationOperationSchema,
  scope: scopeRefSchema,
  scopeKey: z.string(),
  status: operationStatusSchema,
  options: migrationOptionsSchema.default({}),
  requestedBy: z.string(),
  source: commandSourceSchema,
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The scope's MigrationState when the operation ended. */
  resultingState: migrationStateSchema.optional(),
  /** `started`, `noop`, `refused`… as the scope entity answered. */
  decision: z.string().optional(),
  error: operationErrorSchema.optional(),
  findings: z.array(findingSchema).optional(),
  /** Findings left out of the record to keep it within one table row (the scope status lists them all). */
  findingsOmitted: z.number().int().positive().optional(),
  dataPlaneEffects: z.array(dataPlaneEffectSchema).optional(),
  /** How many ARM resources the operation wrote or removed. */
  armResourceCount: z.number().int().optional(),
  idempotencyKey: z.string().optional(),
  /** Commit: the Classic resources it removes, recorded before removing them so a retry removes the same. */
  classicResources: z.array(z.object({ collection: z.string(), name: z.string() })).optional(),
});
export type OperationRecord = z.infer<typeof operationRecordSchema>;

/**
 * At most this many findings are kept on an operation record: a record is one table row (1 MiB), and a
 * scope of thousands of VMs can produce thousands of warnings. Findings come ordered Errors first, so the
 * blocking ones are always kept; the scope status recomputes the full list.
 */
export const maxRecordedFindings = 200;

export function recordableFindings(
  findings: OperationRecord['findings'],
): Pick<OperationRecord, 'findings' | 'findingsOmitted'> {
  if (findings === undefined) return {};
  if (findings.length <= maxRecordedFindings) return { findings };
  return {
    findings: findings.slice(0, maxRecordedFindings),
    findingsOmitted: findings.length - maxRecordedFindings,
  };
}

/** The record of a command that was just queued (or that a phase finds without a record). */
export function queuedRecordOf(command: PhaseCommand, scopeKey: string): OperationRecord {
  return {
    operationId: command.operationId,
    operation: command.operation,
    scope: command.scope,
    scopeKey,
    status: 'Queued',
    options: command.options,
    requestedBy: command.requestedBy,
    source: command.source,
    requestedAt: command.requestedAt,
  };
}
