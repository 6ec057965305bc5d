/**
 * Bearer tokens checked in code against a local issuer (real RSA keys, a JWKS over real HTTP): signature,
 * issuer, audience, expiry, not-before, key rollover; roles from the `roles` claim; subscription grants.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { EntraTokenVerifier } from '../../../../shared/adapters/auth/entra-token-verifier';
import { parseConfig } from '../../../../shared/config';
import { authorize, type AuthorizeDeps } from '../../../../shared/use-cases/auth/authorize';
import { LocalIssuer } from '../../../support/local-issuer';
import { uniqueSubscriptionId } from '../../../support/storage';
import { testServices } from '../../../support/test-services';

let issuer: LocalIssuer;
let deps: AuthorizeDeps;
let subscriptionId: string;

beforeAll(async () => {
  issuer = await new LocalIssuer().start();
});
afterAll(async () => {
  await issuer.stop();
});

function depsWith(env: Record<string, string> = {}): AuthorizeDeps {
  const config = parseConfig({
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    DEVHOST_SERVICE_BUS: 'azurite',
    AUTH_REQUIRED: 'true',
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWKS_URI: issuer.jwksUri,
    AUTH_DEFAULT_SUBSCRIPTIONS: '',
    ...env,
  });
  const auth = config.auth!;
  return {
    config,
    tokens: new EntraTokenVerifier({ ...auth, keyRefetchCooldownMs: 0 }),
    grants: testServices().grants,
  };
}

beforeEach(() => {
  deps = depsWith();
  subscriptionId = uniqueSubscriptionId();
});

const ask = async (token: string | undefined, action: 'read' | 'prepare' | 'commit' | 'grants' = 'read') =>
  authorize(deps, {
    authorization: token === undefined ? undefined : `Bearer ${token}`,
    action,
    subscriptionId,
    claimedCaller: 'x-requested-by header',
  });

const grant = () =>
  deps.grants.put({
    principalId: '11111111-1111-1111-1111-111111111111',
    subscriptionId,
    grantedBy: 'admin',
    grantedAt: new Date().toISOString(),
  });

describe('authorize', () => {
  it('When a valid token holds the role and the subscription is granted, then the caller is the token’s principal, never a header', async () => {
    await grant();
    const result = await ask(
      await issuer.token({ roles: ['Migration.Operator'], upn: 'ana@contoso.com' }),
      'prepare',
    );
    expect(result).toEqual({
      kind: 'allowed',
      caller: expect.objectContaining({ name: 'ana@contoso.com (11111111-1111-1111-1111-111111111111)' }),
    });
  });

  it('When no token is sent, then 401 says how to authenticate', async () => {
    expect(await ask(undefined)).toMatchObject({
      kind: 'unauthenticated',
      message: expect.stringContaining('Bearer'),
    });
  });

  it.each([
    [
      'signed with an unpublished key',
      async () => issuer.token({ kid: await issuer.unpublishedKey() }),
      'key',
    ],
    ['expired', () => issuer.token({ expiresIn: -300 }), 'expired'],
    ['not yet valid', () => issuer.token({ notBefore: 600 }), 'nbf'],
    ['for another audience', () => issuer.token({ audience: 'api://other' }), 'aud'],
    ['from another issuer', () => issuer.token({ issuer: 'https://evil.example/v2.0' }), 'iss'],
    ['not a JWT', () => Promise.resolve('not-a-token'), 'not valid'],
  ])('When the token is %s, then it is refused as unauthenticated', async (_what, make, reason) => {
    await grant();
    const result = await ask(await make());
    expect(result.kind).toBe('unauthenticated');
    if (result.kind === 'unauthenticated') expect(result.message).toContain(reason);
  });

  it('When the issuer rolls its key over, then a token signed with the new key verifies (the key set is fetched again)', async () => {
    await grant();
    expect((await ask(await issuer.token({ roles: ['Migration.Reader'] }))).kind).toBe('allowed');
    const fetchesBefore = issuer.fetches;
    await issuer.rotate({ retireOld: true });
    expect((await ask(await issuer.token({ roles: ['Migration.Reader'] }))).kind).toBe('allowed');
    expect(issuer.fetches).toBeGreaterThan(fetchesBefore);
  });

  it('When the role is too low, then 403 names the role needed and the role held', async () => {
    await grant();
    const result = await ask(await issuer.token({ roles: ['Migration.Operator'] }), 'commit');
    expect(result).toEqual({
      kind: 'forbidden',
      message: expect.stringContaining(
        'commit needs the Migration.Approver role; you have Migration.Operator',
      ),
    });
  });

  it('When the subscription is not granted, then 403 says how an admin grants it; the defaults in settings also grant', async () => {
    const token = await issuer.token({ roles: ['Migration.Reader'] });
    expect(await ask(token)).toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('PUT /api/admin/grants/'),
    });
    deps = depsWith({ AUTH_DEFAULT_SUBSCRIPTIONS: `other, ${subscriptionId}` });
    expect((await ask(token)).kind).toBe('allowed');
  });

  it('When the caller is an admin, then it acts in every subscription', async () => {
    expect((await ask(await issuer.token({ roles: ['Migration.Admin'] }), 'grants')).kind).toBe('allowed');
  });

  it('When the issuer’s keys cannot be fetched, then the check is unavailable (503), not a refusal', async () => {
    deps = depsWith({ AUTH_JWKS_URI: 'http://127.0.0.1:9/keys' });
    expect((await ask(await issuer.token({ roles: ['Migration.Reader'] }))).kind).toBe('unavailable');
  });

  it('When auth is off, then everyone may do everything and the caller is whoever the request says', async () => {
    deps = depsWith({ AUTH_REQUIRED: 'false' });
    expect(await ask(undefined, 'grants')).toEqual({
      kind: 'allowed',
      caller: { name: 'x-requested-by header' },
    });
  });

  it('When auth is required without issuer settings, then the configuration is refused at start', () => {
    expect(() =>
      parseConfig({
        AzureWebJobsStorage: 'UseDevelopmentStorage=true',
        DEVHOST_SERVICE_BUS: 'azurite',
        AUTH_REQUIRED: 'true',
      }),
    ).toThrow(/AUTH_TENANT_ID/);
  });

  it('When the service runs in Azure without AUTH_REQUIRED, then the configuration is refused (fail closed)', () => {
    const base = {
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      DEVHOST_SERVICE_BUS: 'azurite',
      WEBSITE_INSTANCE_ID: 'abc',
    };
    expect(() => parseConfig(base)).toThrow(/AUTH_REQUIRED must be true in Azure/);
    expect(parseConfig({ ...base, AUTH_ALLOW_ANONYMOUS: 'true' }).authRequired).toBe(false);
  });

  it('When only the tenant and client id are set, then issuer, keys and audience are derived as Entra ID publishes them', () => {
    const config = parseConfig({
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      DEVHOST_SERVICE_BUS: 'azurite',
      AUTH_TENANT_ID: 'tid-1',
      AUTH_CLIENT_ID: 'cid-1',
    });
    expect(config.auth).toEqual({
      issuer: 'https://login.microsoftonline.com/tid-1/v2.0',
      jwksUri: 'https://login.microsoftonline.com/tid-1/discovery/v2.0/keys',
      audience: ['cid-1', 'api://cid-1'],
    });
  });
});
