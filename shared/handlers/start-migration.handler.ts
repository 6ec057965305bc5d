/**
 * `POST /api/migrations/{scopeKind}/{name}/{validate|prepare|commit|abort}?subscriptionId=…`
 * → 202 `{ operationId, status, statusUrl }` (+ `Location`), or an error that says what to do.
 *
 * Before queueing, two cheap checks answer at once what the phase would answer later: a scope that was
 * never migrated and is not in the Classic inventory (404), and an operation the scope refuses in its
 * current state (409, the entity's own refusal text). The entity stays the arbiter: these reads can be
 * stale, and a request that passes them may still be refused by the phase.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { migrationOptionsSchema } from '../contracts/phase-command';
import { decideStart } from '../domain/migration/migration.machine';
import { refusal } from '../domain/migration/migration.refusals';
import { migrationOperationSchema } from '../domain/migration/migration-state';
import { describeScope, scopeKey, scopeKindPaths } from '../domain/scope/scope';
import { resolveScope } from '../domain/scope/scope-contents';
import { scopeNotFoundMessage } from '../domain/validation/scope-not-found';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { startOperation } from '../use-cases/start-operation';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { baseUrlOf, callerOf, originOf } from './request-context';
import { isScope, scopeOfRequest } from './scope-of-request';

const bodySchema = migrationOptionsSchema.extend({
  /** A client-chosen operation id: sending the same one again answers with the same operation. */
  operationId: z.string().min(1).max(128).optional(),
});

export async function startMigration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  _context: InvocationContext,
): Promise<HttpResponseInit> {
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
  if (migrationOptions.destination && scope.kind !== 'cloudService') {
    return jsonError(
      400,
      'DestinationNotApplicable',
      'A destination applies only to cloud services that are not in a virtual network.',
    );
  }

  const key = scopeKey(scope);
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;

  const alreadyKnown = operationId ? await services.operations.get(operationId) : undefined;
  if (!alreadyKnown && !idempotencyKey) {
    const state = await entity.read(key);
    if (action.data !== 'validate') {
      // A scope the entity has never seen is in state None.
      const decision = decideStart(state?.state ?? 'None', action.data);
      if (decision.kind === 'refuse') {
        const { code, message } = refusal(decision.code, {
          operation: action.data,
          state: state?.state ?? 'None',
          scopeLabel: describeScope(scope),
          ...(state?.running ? { inFlight: state.running } : {}),
        });
        return jsonError(409, code, message);
      }
    }
    if (!state || state.state === 'None') {
      const inventory = await services.classicInventory.load(scope.subscriptionId);
      if (!resolveScope(inventory, scope))
        return jsonError(404, 'ResourceNotFound', scopeNotFoundMessage(scope));
    }
  }

  const result = await startOperation(services, {
    scope,
    operation: action.data,
    options: migrationOptions,
    requestedBy: callerOf(request),
    source: 'api',
    origin: originOf(request),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(operationId === undefined ? {} : { operationId }),
  });
  if (result.kind === 'enqueueFailed') return jsonError(503, 'EnqueueFailed', result.message);
  const statusUrl = `${baseUrlOf(request)}/api/operations/${encodeURIComponent(result.operation.operationId)}`;
  return json(
    202,
    {
      operationId: result.operation.operationId,
      status: result.operation.status,
      operation: result.operation.operation,
      scope,
      statusUrl,
      scopeStatusUrl: `${baseUrlOf(request)}/api/migrations/${scopeKindPaths[scope.kind]}/${encodeURIComponent(scope.name)}?subscriptionId=${scope.subscriptionId}`,
      existing: result.kind === 'existing',
    },
    { location: statusUrl, 'retry-after': '1' },
  );
}
