/**
 * `GET /api/operations/{operationId}` → the operation record, or 404. While the operation runs, `progress`
 * (`done/total`, percent, ETA) from its scope's entity: a client following an operation polls this cheap
 * answer and reads the full scope status (which re-runs the analysis) only when it ends.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { operationProgress } from '../use-cases/operation-progress';
import { json, jsonError } from './http-responses';

export async function getOperation(
  services: Pick<Services, 'operations' | 'clock'>,
  request: HttpRequest,
  entity?: ScopeEntityGateway,
): Promise<HttpResponseInit> {
  const operationId = request.params.operationId ?? '';
  const record = await services.operations.get(operationId);
  if (!record) {
    return jsonError(
      404,
      'OperationNotFound',
      `No operation '${operationId}' exists. Use the operationId returned when the operation was started.`,
    );
  }
  const done = record.status === 'Succeeded' || record.status === 'Failed';
  const progress = entity && !done ? await operationProgress(services, entity, record) : undefined;
  return json(200, progress ? { ...record, progress } : record, done ? {} : { 'retry-after': '1' });
}
