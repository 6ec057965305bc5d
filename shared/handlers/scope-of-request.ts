/**
 * The scope a JSON API path names (`…/{scopeKind}/{name}?subscriptionId=…`, the default subscription when
 * none is given), or the 404 answer when the kind segment is not a scope kind.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { scopeKindFromPath, scopeKindPaths, type ScopeRef } from '../domain/scope/scope';
import { jsonError } from './http-responses';
import { subscriptionOf } from './request-context';

export function scopeOfRequest(
  services: Pick<Services, 'config'>,
  request: HttpRequest,
): ScopeRef | HttpResponseInit {
  const segment = request.params.scopeKind ?? '';
  const kind = scopeKindFromPath(segment);
  if (!kind)
    return jsonError(
      404,
      'UnknownScopeKind',
      `'${segment}' is not a scope kind. Use ${Object.values(scopeKindPaths).join(', ')}.`,
    );
  return {
    subscriptionId: subscriptionOf(request, services.config.defaultSubscriptionId),
    kind,
    name: request.params.name ?? '',
  };
}

export const isScope = (value: ScopeRef | HttpResponseInit): value is ScopeRef => 'kind' in value;
