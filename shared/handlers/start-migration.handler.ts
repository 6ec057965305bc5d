/**
 * `POST /api/migrations/{scopeKind}/{name}/{validate|prepare|commit|abort}?subscriptionId=…`
 * → 202 `{ operationId, status, statusUrl }` (+ `Location`), or an error that says what to do.
 *
 * Parses the request and maps the admission use case's answer; it decides nothing itself.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import type { OperationRecord } from '../contracts/operation-record';
import { migrationOptionsSchema } from '../contracts/phase-command';
import { migrationOperationSchema } from '../domain/migration/migration-state';
import { scopeKindPaths } from '../domain/scope/scope';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import type { AdmissionResult } from '../use-cases/request-operation/operation-request';
import { requestOperation } from '../use-cases/request-operation/request-operation';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { withJsonErrors } from './json-error-edge';
import { baseUrlOf, callerOf, originOf } from './request-context';
import { isScope, scopeOfRequest } from './scope-of-request';

const bodySchema = migrationOptionsSchema.extend({
  /** A client-chosen operation id: sending the same one again answers with the same operation. */
  operationId: z.string().min(1).max(128).optional(),
});

export function startMigration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return withJsonErrors(context, async () => {
    const scope = scopeOfRequest(services, request);
    if (!isScope(scope)) return scope;
    const action = migrationOperationSchema.safeParse(request.params.action);
    if (!action.success) {
      return jsonError(
        404,
        'UnknownOperation',
        `'${request.params.action ?? ''}' is not an operation. Use validate, prepare, commit or abort.`,
      );
    }
    const body = await readJsonBody(request);
    if (body === undefined)
      return jsonError(
        400,
        'InvalidJson',
        'The request body is not valid JSON. Send a JSON object of options, or no body.',
      );
    const options = bodySchema.safeParse(body);
    if (!options.success) return invalidInput('request body', options.error);
    const { operationId, ...migrationOptions } = options.data;
    const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;

    const result = await requestOperation(
      { ...services, entity },
      {
        scope,
        operation: action.data,
        options: migrationOptions,
        requestedBy: callerOf(request),
        source: 'api',
        origin: originOf(request),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        ...(operationId === undefined ? {} : { operationId }),
      },
    );
    return admissionResponse(result, baseUrlOf(request));
  });
}

/** The JSON API's answer to an admission result (also used by the batch and chat endpoints' callers). */
export function admissionResponse(result: AdmissionResult, baseUrl: string): HttpResponseInit {
  switch (result.kind) {
    case 'notRegistered':
      return jsonError(result.refusal.httpStatus, result.refusal.code, result.refusal.message, [
        { code: 'Recommendation', message: result.refusal.recommendation },
      ]);
    case 'notFound':
      return jsonError(404, 'ResourceNotFound', result.message);
    case 'invalid':
      return jsonError(400, result.code, result.message);
    case 'refused':
      return jsonError(409, result.code, result.message);
    case 'enqueueFailed': {
      const response = jsonError(503, 'EnqueueFailed', result.message);
      return { ...response, headers: { ...response.headers, 'retry-after': '5' } };
    }
    case 'started':
    case 'existing':
      return accepted(result.operation, baseUrl, result.kind === 'existing');
  }
}

function accepted(operation: OperationRecord, baseUrl: string, existing: boolean): HttpResponseInit {
  const statusUrl = `${baseUrl}/api/operations/${encodeURIComponent(operation.operationId)}`;
  const { scope } = operation;
  return json(
    202,
    {
      operationId: operation.operationId,
      status: operation.status,
      operation: operation.operation,
      scope,
      statusUrl,
      scopeStatusUrl: `${baseUrl}/api/migrations/${scopeKindPaths[scope.kind]}/${encodeURIComponent(scope.name)}?subscriptionId=${scope.subscriptionId}`,
      existing,
    },
    { location: statusUrl, 'retry-after': '1' },
  );
}
