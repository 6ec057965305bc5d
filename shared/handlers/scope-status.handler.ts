/** `GET /api/migrations/{scopeKind}/{name}?subscriptionId=…` → the scope's full status (see scope-status.ts). */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { scopeKindFromPath, scopeKindPaths } from '../domain/scope/scope';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { scopeStatus } from '../use-cases/scope-status';
import { json, jsonError } from './http-responses';
import { subscriptionOf } from './request-context';
import { notFoundMessage } from './scope-not-found';

export async function getScopeStatus(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const segment = request.params.scopeKind ?? '';
  const kind = scopeKindFromPath(segment);
  if (!kind) {
    return jsonError(
      404,
      'UnknownScopeKind',
      `'${segment}' is not a scope kind. Use ${Object.values(scopeKindPaths).join(', ')}.`,
    );
  }
  const scope = {
    subscriptionId: subscriptionOf(request, services.config.defaultSubscriptionId),
    kind,
    name: request.params.name ?? '',
  };
  const status = await scopeStatus(services, entity, scope);
  // A scope that never existed: not in Classic, never operated on.
  if (!status.classic && status.history.operations.length === 0 && status.state === 'None') {
    return jsonError(404, 'ResourceNotFound', notFoundMessage(scope));
  }
  return json(200, status, status.running ? { 'retry-after': '1' } : {});
}
