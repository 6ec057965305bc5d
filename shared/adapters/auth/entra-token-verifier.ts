/**
 * Verifies Entra ID access tokens with `jose`: RS256 signature against the issuer's JWKS, issuer,
 * audience, expiry and not-before (https://learn.microsoft.com/entra/identity-platform/access-tokens).
 * Key rollover: the remote key set is cached and fetched again when a token names a key id it does not
 * hold (at most once per cooldown), as Microsoft asks of APIs that validate tokens themselves.
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

import type { Principal, TokenVerification, TokenVerifier } from '../../ports/token-verifier.port';

export interface EntraTokenSettings {
  issuer: string;
  /** One or more accepted audiences (the API's client id and its App ID URI). */
  audience: string | string[];
  jwksUri: string;
  /** How long after a key-set fetch an unknown key id may fetch again (jose's default: 30 s). */
  keyRefetchCooldownMs?: number;
}

/** Seconds of clock skew tolerated on `exp` and `nbf` (our choice). */
const clockToleranceSeconds = 60;

export class EntraTokenVerifier implements TokenVerifier {
  readonly #settings: EntraTokenSettings;
  readonly #keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(settings: EntraTokenSettings) {
    this.#settings = settings;
    this.#keys = createRemoteJWKSet(new URL(settings.jwksUri), {
      cooldownDuration: settings.keyRefetchCooldownMs ?? 30_000,
      cacheMaxAge: 600_000,
    });
  }

  async verify(token: string): Promise<TokenVerification> {
    try {
      const { payload } = await jwtVerify(token, this.#keys, {
        issuer: this.#settings.issuer,
        audience: this.#settings.audience,
        algorithms: ['RS256'],
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp'],
      });
      const principal = principalOf(payload);
      return principal
        ? { ok: true, principal }
        : { ok: false, reason: 'the token names no object id (oid or sub)' };
    } catch (error) {
      return { ok: false, reason: reasonOf(error), ...(isFetchFailure(error) ? { transient: true } : {}) };
    }
  }
}

function principalOf(payload: JWTPayload): Principal | undefined {
  const claim = (name: string) => (typeof payload[name] === 'string' ? payload[name] : undefined);
  const objectId = claim('oid') ?? payload.sub;
  if (!objectId) return undefined;
  const appId = claim('azp') ?? claim('appid');
  const isApp =
    claim('idtyp') === 'app' ||
    (claim('upn') === undefined && claim('preferred_username') === undefined && appId !== undefined);
  const roles = Array.isArray(payload.roles)
    ? payload.roles.filter((role): role is string => typeof role === 'string')
    : [];
  return {
    objectId,
    name: claim('upn') ?? claim('preferred_username') ?? (appId ? `app ${appId}` : objectId),
    roles,
    ...(claim('tid') === undefined ? {} : { tenantId: claim('tid') }),
    kind: isApp ? 'app' : 'user',
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not accepted (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the token is signed with a key the issuer does not publish';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with RS256';
  if (error instanceof errors.JWKSTimeout || isFetchFailure(error))
    return 'the signing keys could not be fetched; try again';
  if (error instanceof errors.JWKSInvalid) return 'the issuer published an invalid key set';
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`;
  return 'the token is not a valid JWT';
}

/** A network failure fetching the key set (not a bad token). */
function isFetchFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)$/.test(code);
}
