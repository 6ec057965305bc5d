/**
 * `GET /api/operations/{operationId}` → the operation record, or 404. While the operation runs, `progress`
 * (`done/total`, percent, ETA) from its scope's entity: a client following an operation polls this cheap
 * answer and reads the full scope status (large; its analysis runs again after each inventory change) only
 * when it ends.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { operationProgress } from '../use-cases/operation-progress';
import { json, jsonError } from './http-responses';
import { requestedOperation } from './requested-operation';

export async function getOperation(
  services: Pick<Services, 'operations' | 'clock'>,
  request: HttpRequest,
  entity?: ScopeEntityGateway,
): Promise<HttpResponseInit> {
  const operationId = request.params.operationId ?? '';
  // The authorisation target read it already for this request.
  const record = await requestedOperation(request, services.operations);
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
