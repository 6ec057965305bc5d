/** `GET /api/migrations/{scopeKind}/{name}?subscriptionId=…` → the scope's full status (see scope-status.ts). */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { scopeNotFoundMessage } from '../domain/validation/scope-not-found';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { scopeStatus } from '../use-cases/scope-status';
import { json, jsonError } from './http-responses';
import { isScope, scopeOfRequest } from './scope-of-request';

export async function getScopeStatus(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const scope = scopeOfRequest(services, request);
  if (!isScope(scope)) return scope;
  const status = await scopeStatus(services, entity, scope);
  // A scope that never existed: not in Classic, never operated on.
  if (!status.classic && status.history.operations.length === 0 && status.state === 'None') {
    return jsonError(404, 'ResourceNotFound', scopeNotFoundMessage(scope));
  }
  return json(200, status, status.running ? { 'retry-after': '1' } : {});
}
