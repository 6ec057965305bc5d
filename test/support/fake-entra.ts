/**
 * Entra ID's sign-in endpoints, answered inside the browser by the test (Playwright routes on
 * login.microsoftonline.com; nothing leaves the machine), so the portal's real MSAL code runs its real
 * authorization code flow with PKCE: the OpenID metadata, the /authorize redirect back to the page with a
 * code and the state MSAL sent, and the /token exchange, which checks the PKCE verifier against the
 * challenge and answers an id token (with MSAL's nonce) and an access token from the local issuer.
 */
import { createHash } from 'node:crypto';

import type { BrowserContext, Route } from 'playwright-core';

const host = 'https://login.microsoftonline.com';

export interface FakeEntraUser {
  oid: string;
  username: string;
  name: string;
}

export interface FakeEntra {
  /** The token requests' bodies (client id, code, verifier…), to check what MSAL sent. */
  tokenRequests: URLSearchParams[];
  authorizeRequests: URL[];
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** An unsigned JWT: MSAL reads an id token's claims, it does not check its signature (the token endpoint is trusted). */
function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

export async function fakeEntra(
  context: BrowserContext,
  options: { tenantId: string; clientId: string; user: FakeEntraUser; accessToken: () => Promise<string> },
): Promise<FakeEntra> {
  const recorded: FakeEntra = { tokenRequests: [], authorizeRequests: [] };
  const issued = new Map<string, { challenge: string; nonce: string; scope: string; redirectUri: string }>();
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
  };
  const clientInfo = base64url(JSON.stringify({ uid: options.user.oid, utid: options.tenantId }));
  const tenantBase = `${host}/${options.tenantId}`;

  await context.route(`${host}/**`, async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return route.fulfill({
        headers: cors,
        json: {
          issuer: `${tenantBase}/v2.0`,
          authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
          token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
          end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
          jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          code_challenge_methods_supported: ['S256'],
        },
      });
    }
    if (url.pathname.endsWith('/discovery/instance')) {
      return route.fulfill({
        headers: cors,
        json: {
          tenant_discovery_endpoint: `${tenantBase}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: ['login.microsoftonline.com', 'login.windows.net'],
            },
          ],
        },
      });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      recorded.authorizeRequests.push(url);
      const parameters = url.searchParams;
      if (
        parameters.get('client_id') !== options.clientId ||
        parameters.get('code_challenge_method') !== 'S256'
      ) {
        return route.fulfill({ status: 400, body: 'unexpected authorize request' });
      }
      const code = `code-${issued.size + 1}`;
      const redirectUri = parameters.get('redirect_uri') ?? '';
      issued.set(code, {
        challenge: parameters.get('code_challenge') ?? '',
        nonce: parameters.get('nonce') ?? '',
        scope: parameters.get('scope') ?? '',
        redirectUri,
      });
      const answer = new URLSearchParams({
        code,
        state: parameters.get('state') ?? '',
        client_info: clientInfo,
        session_state: 'fake-session',
      });
      const location =
        parameters.get('response_mode') === 'query'
          ? `${redirectUri}?${answer.toString()}`
          : `${redirectUri}#${answer.toString()}`;
      return route.fulfill({ status: 302, headers: { location } });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const body = new URLSearchParams(request.postData() ?? '');
      recorded.tokenRequests.push(body);
      const grant = issued.get(body.get('code') ?? '');
      const verifier = body.get('code_verifier') ?? '';
      if (!grant || base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) {
        return route.fulfill({
          status: 400,
          headers: cors,
          json: { error: 'invalid_grant', error_description: 'PKCE verification failed' },
        });
      }
      const now = Math.floor(Date.now() / 1000);
      return route.fulfill({
        headers: cors,
        json: {
          token_type: 'Bearer',
          scope: grant.scope
            .split(' ')
            .filter((scope) => scope.startsWith('api://'))
            .join(' '),
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: await options.accessToken(),
          client_info: clientInfo,
          id_token: unsignedJwt({
            aud: options.clientId,
            iss: `${tenantBase}/v2.0`,
            iat: now,
            nbf: now,
            exp: now + 3600,
            nonce: grant.nonce,
            oid: options.user.oid,
            sub: options.user.oid,
            tid: options.tenantId,
            preferred_username: options.user.username,
            name: options.user.name,
            ver: '2.0',
          }),
        },
      });
    }
    return route.fulfill({ status: 404, headers: cors, body: `not faked: ${url.pathname}` });
  });
  return recorded;
}
