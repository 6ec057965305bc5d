/** `GET /api/operations/{operationId}` → the operation record, or 404. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { json, jsonError } from './http-responses';

export async function getOperation(
  services: Pick<Services, 'operations'>,
  request: HttpRequest,
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
  return json(200, record, done ? {} : { 'retry-after': '1' });
}
