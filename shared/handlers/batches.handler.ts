/**
 * The batch endpoints of the JSON API (README, The JSON API and Batch plans):
 * - `POST /api/batches?subscriptionId=…` → 201 `{ batchId, statusUrl, … }`
 * - `GET /api/batches?subscriptionId=…`, `GET /api/batches/{batchId}`
 * - `POST /api/batches/{batchId}/pause|resume|cancel`
 * - `GET /api/batches/{batchId}/report[?run=N]`
 * - `POST /api/batches/nightly-validation?subscriptionId=…` (the ready-made "validate everything" plan)
 * Parse, call the use case, map.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { batchRequestSchema, nightlyValidationRequestSchema } from '../contracts/batch-request';
import { getBatch, getBatchReport, listBatches, runBatchCommand } from '../use-cases/batches/batch-commands';
import { batchView } from '../use-cases/batches/batch-view';
import {
  createBatch,
  type CreateBatchResult,
  createNightlyValidation,
} from '../use-cases/batches/create-batch';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { baseUrlOf, callerOf, subscriptionOf } from './request-context';

type BatchServices = Pick<
  Services,
  'batches' | 'classicInventory' | 'scopeIndex' | 'clock' | 'ids' | 'audit' | 'config'
>;

export async function createBatchHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const body = await readJsonBody(request);
  if (body === undefined)
    return jsonError(400, 'InvalidJson', 'The request body is not valid JSON. Send a batch plan.');
  const parsed = batchRequestSchema.safeParse(body);
  if (!parsed.success) return invalidInput('batch plan', parsed.error);
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const result = await createBatch(services, subscriptionId, parsed.data, callerOf(request));
  return created(result, request, services);
}

export async function nightlyValidationHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const body = await readJsonBody(request);
  if (body === undefined)
    return jsonError(400, 'InvalidJson', 'The request body is not valid JSON (send {} for the defaults).');
  const parsed = nightlyValidationRequestSchema.safeParse(body);
  if (!parsed.success) return invalidInput('nightly validation options', parsed.error);
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const result = await createNightlyValidation(services, subscriptionId, parsed.data, callerOf(request));
  return created(result, request, services);
}

function created(result: CreateBatchResult, request: HttpRequest, services: BatchServices): HttpResponseInit {
  switch (result.kind) {
    case 'invalid':
      return jsonError(
        400,
        result.code,
        `The batch plan cannot run: ${result.problems.join('; ')}.`,
        result.problems.map((message) => ({ code: result.code, message })),
      );
    case 'notRegistered':
      return jsonError(400, result.code, result.message);
    case 'created':
    case 'existing': {
      const view = batchView(result.batch, baseUrlOf(request), services.clock.now());
      return json(result.kind === 'created' ? 201 : 200, view, { location: view.statusUrl });
    }
  }
}

export async function getBatchHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const batch = await getBatch(services, request.params.batchId ?? '');
  if (!batch) return batchNotFound(request);
  return json(200, batchView(batch, baseUrlOf(request), services.clock.now()));
}

export async function listBatchesHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const batches = await listBatches(services, subscriptionId);
  const now = services.clock.now();
  return json(200, {
    subscriptionId,
    count: batches.length,
    value: batches.map((batch) => {
      const { scopes: _scopes, ...summary } = batchView(batch, baseUrlOf(request), now);
      return summary;
    }),
  });
}

const commandSchema = z.enum(['pause', 'resume', 'cancel']);

export async function batchCommandHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const command = commandSchema.safeParse(request.params.command);
  if (!command.success)
    return jsonError(
      404,
      'UnknownCommand',
      `'${request.params.command ?? ''}' is not a batch command. Use pause, resume or cancel.`,
    );
  const result = await runBatchCommand(
    services,
    request.params.batchId ?? '',
    command.data,
    callerOf(request),
  );
  switch (result.kind) {
    case 'notFound':
      return batchNotFound(request);
    case 'refused':
      return jsonError(409, 'BatchStateConflict', result.message);
    case 'conflict': {
      const response = jsonError(
        503,
        'ServiceUnavailable',
        'The batch kept changing while this command was applied. Retry in a few seconds.',
      );
      return { ...response, headers: { ...response.headers, 'retry-after': '5' } };
    }
    case 'done':
      return json(200, batchView(result.batch, baseUrlOf(request), services.clock.now()));
  }
}

const runSchema = z.coerce.number().int().positive().optional();

export async function batchReportHandler(
  services: BatchServices,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const run = runSchema.safeParse(request.query.get('run') ?? undefined);
  if (!run.success) return invalidInput('run', run.error);
  const batchId = request.params.batchId ?? '';
  const report = await getBatchReport(services, batchId, run.data);
  if (report) return json(200, report);
  if (!(await getBatch(services, batchId))) return batchNotFound(request);
  return jsonError(
    404,
    'ReportNotFound',
    run.data === undefined
      ? `Batch ${batchId} has not finished a run yet; its report is written when a run ends.`
      : `Batch ${batchId} has no report for run ${run.data}.`,
  );
}

function batchNotFound(request: HttpRequest): HttpResponseInit {
  return jsonError(
    404,
    'BatchNotFound',
    `No batch '${request.params.batchId ?? ''}'. List batches with GET /api/batches.`,
  );
}
