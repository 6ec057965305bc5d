/** `GET /api/migrations/{scopeKind}/{name}?subscriptionId=…` → the scope's full status (see scope-status.ts). */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { scopeNotFoundMessage } from '../domain/validation/scope-not-found';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { scopeStatusAnswer } from '../use-cases/scope-status';
import { jsonError } from './http-responses';
import { isScope, scopeOfRequest } from './scope-of-request';
import { acceptsGzip, gzipSegments } from './spliced-gzip';

export async function getScopeStatus(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const scope = scopeOfRequest(services, request);
  if (!isScope(scope)) return scope;
  const status = await scopeStatusAnswer(services, entity, scope);
  // A scope that never existed: not in Classic, never operated on.
  if (!status.inClassic && status.operationCount === 0 && status.state === 'None') {
    return jsonError(404, 'ResourceNotFound', scopeNotFoundMessage(scope));
  }
  // Already JSON: most of a large scope's status is serialized once per inventory version. A large one is
  // gzipped for a client that takes it (the CLI, the portal and any fetch do), its big segments compressed
  // once per inventory version.
  const size = status.segments.reduce((total, segment) => total + segment.length, 0);
  const gzip = size >= gzipFrom && acceptsGzip(request.headers.get('accept-encoding'));
  return {
    status: 200,
    body: gzip ? gzipSegments(status.segments) : Buffer.concat(status.segments),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(status.running ? { 'retry-after': '1' } : {}),
    },
  };
}

/** Bodies from this size on are gzipped (our choice: a small scope's status is sent as it is). */
const gzipFrom = 256 * 1024;
