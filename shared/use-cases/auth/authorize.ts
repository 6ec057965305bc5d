/**
 * May this caller do this action in this subscription? The one check every surface makes (JSON API,
 * Service Management API, ARM read API, portal, CLI), with its answer mapped to the surface's own error
 * shape by the surface.
 *
 * With `AUTH_REQUIRED` off (the dev host's default) everyone may do everything and the caller is whoever the
 * request says it is. With it on: a bearer token (Entra ID, checked in code) names the principal and its app
 * roles; the action needs the role the permission table names; and the principal must be granted the
 * subscription — through the defaults in settings (`AUTH_DEFAULT_SUBSCRIPTIONS`, `*` = all) or a grant an
 * Admin stored. Admins act in every subscription (our choice: they manage the grants). The audit names the
 * token's principal (object id and UPN or app id), never a client header.
 */
import type { Services } from '../../composition';
import { type Action, allows, highestRole, roleRefusal } from '../../domain/auth/permissions';
import type { Principal } from '../../ports/token-verifier.port';

export interface Caller {
  /** For the audit log: `<name> (<object id>)` with auth on; the request's own claim with it off. */
  name: string;
  principal?: Principal;
}

export type AuthorizationResult =
  | { kind: 'allowed'; caller: Caller }
  /** 401: no token, or a token that does not verify. */
  | { kind: 'unauthenticated'; message: string }
  /** 403: a valid token without the role or the subscription. */
  | { kind: 'forbidden'; message: string }
  /** 503: the token could not be checked now (the issuer's keys are unreachable). */
  | { kind: 'unavailable'; message: string };

export interface AuthorizationRequest {
  /** The `Authorization` header. */
  authorization: string | null | undefined;
  action: Action;
  /** The subscription the action is in; absent for actions on no subscription (grants, dead letters). */
  subscriptionId?: string;
  /** Who the request says it is, used only with auth off. */
  claimedCaller: string;
}

export type AuthorizeDeps = Pick<Services, 'config' | 'tokens' | 'grants'>;

export async function authorize(
  deps: AuthorizeDeps,
  request: AuthorizationRequest,
): Promise<AuthorizationResult> {
  if (!deps.config.authRequired) return { kind: 'allowed', caller: { name: request.claimedCaller } };
  if (!deps.tokens) return { kind: 'unavailable', message: 'Authentication is required but not configured.' };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '')?.[1];
  if (!token) {
    return {
      kind: 'unauthenticated',
      message: 'A bearer token is required: send Authorization: Bearer <Entra ID access token for this API>.',
    };
  }
  const verified = await deps.tokens.verify(token);
  if (!verified.ok) {
    const message = `The bearer token was refused: ${verified.reason}.`;
    return verified.transient ? { kind: 'unavailable', message } : { kind: 'unauthenticated', message };
  }
  const { principal } = verified;
  if (!allows(principal.roles, request.action))
    return { kind: 'forbidden', message: roleRefusal(principal.roles, request.action) };
  if (request.subscriptionId !== undefined && !(await mayActIn(deps, principal, request.subscriptionId))) {
    return {
      kind: 'forbidden',
      message: `${principal.name} (${principal.objectId}) is not granted subscription ${request.subscriptionId}. An admin grants it with PUT /api/admin/grants/${principal.objectId}/${request.subscriptionId}.`,
    };
  }
  return { kind: 'allowed', caller: { name: `${principal.name} (${principal.objectId})`, principal } };
}

async function mayActIn(deps: AuthorizeDeps, principal: Principal, subscriptionId: string): Promise<boolean> {
  if (highestRole(principal.roles) === 'Migration.Admin') return true;
  const wanted = subscriptionId.toLowerCase();
  const defaults = deps.config.defaultSubscriptions;
  if (defaults.includes('*') || defaults.includes(wanted)) return true;
  const grants = await deps.grants.list(principal.objectId);
  return grants.some(
    (grant) => grant.subscriptionId === '*' || grant.subscriptionId.toLowerCase() === wanted,
  );
}
