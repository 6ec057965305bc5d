/**
 * Authorisation at the edge of every HTTP surface: asks the `authorize` use case, and answers a refusal in
 * the surface's own error shape:
 * - JSON API (and the portal's calls, and the CLI): `{ error: { code, message } }`, 401 with
 *   `WWW-Authenticate: Bearer`, 403, or 503 with `Retry-After`;
 * - Service Management API: `<Error><Code/><Message/></Error>` XML with `x-ms-request-id`: 401
 *   `AuthenticationFailed`, 403 `ForbiddenError` (Azure's code for a caller it refuses);
 * - ARM read API: ARM's `{ error: { code, message } }`: 401 `AuthenticationFailed`, 403 `AuthorizationFailed`.
 * An allowed caller is remembered for the request, so handlers name the token's principal in the audit
 * (`callerOf`), never a client header.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Action } from '../../domain/auth/permissions';
import { authorize, type AuthorizeDeps } from '../../use-cases/auth/authorize';
import { jsonError } from '../http-responses';
import { claimedCallerOf, rememberCaller } from '../request-context';
import { errorResponse, newRequestId } from '../service-management/sm-responses';

export type Surface = 'json' | 'serviceManagement' | 'arm';

/** What a request asks to do, and in which subscription. */
export interface RequestTarget {
  action: Action;
  subscriptionId?: string;
}

export async function withAuthorization(
  deps: AuthorizeDeps & { ids: { newId(): string } },
  request: HttpRequest,
  surface: Surface,
  target: RequestTarget | ((request: HttpRequest) => RequestTarget | Promise<RequestTarget>),
  handle: () => Promise<HttpResponseInit>,
): Promise<HttpResponseInit> {
  const { action, subscriptionId } = typeof target === 'function' ? await target(request) : target;
  const result = await authorize(deps, {
    authorization: request.headers.get('authorization'),
    action,
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    claimedCaller: claimedCallerOf(request),
  });
  if (result.kind === 'allowed') {
    rememberCaller(request, result.caller.name);
    return handle();
  }
  return refusal(surface, result.kind, result.message, () => newRequestId(deps.ids));
}

function refusal(
  surface: Surface,
  kind: 'unauthenticated' | 'forbidden' | 'unavailable',
  message: string,
  requestId: () => string,
): HttpResponseInit {
  const status = kind === 'unauthenticated' ? 401 : kind === 'forbidden' ? 403 : 503;
  const headers: Record<string, string> =
    kind === 'unauthenticated'
      ? { 'www-authenticate': 'Bearer' }
      : kind === 'unavailable'
        ? { 'retry-after': '5' }
        : {};
  if (surface === 'serviceManagement') {
    const code =
      kind === 'unauthenticated'
        ? 'AuthenticationFailed'
        : kind === 'forbidden'
          ? 'ForbiddenError'
          : 'ServiceUnavailable';
    const response = errorResponse({ httpStatus: status, code, message }, requestId());
    return { ...response, headers: { ...response.headers, ...headers } };
  }
  const code =
    kind === 'unavailable'
      ? 'ServiceUnavailable'
      : surface === 'arm'
        ? kind === 'unauthenticated'
          ? 'AuthenticationFailed'
          : 'AuthorizationFailed'
        : kind === 'unauthenticated'
          ? 'Unauthorized'
          : 'Forbidden';
  const response = jsonError(status, code, message);
  return { ...response, headers: { ...response.headers, ...headers } };
}
