/**
 * `POST /api/batches` (README, Batch plans): `{ name, scopes: [{ kind, name }] | selector, phases,
 * window: { start, durationMinutes, timeZone?, recurEvery?, expires? }, maxConcurrent?, onFailure?, abortOnFailure?,
 * autoCommit?, repeat?, includePreflight? }`. Defaults are ours: one scope at a time, stop on failure, no
 * auto-commit, no abort on failure, run once.
 */
import { z } from 'zod';

import { maxBatchScopes, phaseProblems } from '../domain/batch/batch-plan';
import { maintenanceWindowInputSchema } from '../domain/batch/maintenance-window';
import { migrationOperationSchema, migrationStateSchema } from '../domain/migration/migration-state';
import { scopeKindInputSchema } from './scope-kind-input';

export const scopeSelectorSchema = z
  .object({
    kind: scopeKindInputSchema.optional(),
    namePattern: z.string().min(1).max(260).optional(),
    location: z.string().min(1).optional(),
    state: migrationStateSchema.optional(),
  })
  .strict();

export const batchRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(z.object({ kind: scopeKindInputSchema, name: z.string().min(1) }).strict())
      .min(1)
      .max(maxBatchScopes)
      .optional(),
    selector: scopeSelectorSchema.optional(),
    phases: z.array(migrationOperationSchema),
    window: maintenanceWindowInputSchema,
    maxConcurrent: z.number().int().min(1).max(100).default(1),
    onFailure: z.enum(['stop', 'continue']).default('stop'),
    abortOnFailure: z.boolean().default(false),
    autoCommit: z.boolean().default(false),
    repeat: z.boolean().default(false),
    includePreflight: z.boolean().default(false),
  })
  .strict()
  .superRefine((request, context) => {
    if ((request.scopes === undefined) === (request.selector === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['scopes'],
        message: 'give either scopes (a list) or selector (kind, namePattern, location, state), not both',
      });
    }
    for (const problem of phaseProblems(request.phases)) {
      context.addIssue({ code: 'custom', path: ['phases'], message: problem.replace(/^phases: /, '') });
    }
  });
export type BatchRequest = z.output<typeof batchRequestSchema>;

/** `POST /api/batches/nightly-validation`: the ready-made "validate everything" plan; every field optional. */
export const nightlyValidationRequestSchema = z
  .object({
    /** Local time of day the window opens (HH:mm), 01:00 by default. */
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm, e.g. 01:00')
      .default('01:00'),
    timeZone: z.string().default('UTC'),
    durationMinutes: z.number().int().min(15).max(720).default(240),
    maxConcurrent: z.number().int().min(1).max(100).default(4),
    includePreflight: z.boolean().default(true),
  })
  .strict();
export type NightlyValidationRequest = z.output<typeof nightlyValidationRequestSchema>;
