/**
 * The portal (README, The portal: `GET /` serves the page, on the dev host and in Azure):
 * - `GET /` → the page (`index.html`), never cached, with a Content-Security-Policy that lets it load only its
 *   own files, call only this origin (and Entra ID's sign-in host when sign-in is on) and never be framed;
 * - `GET /portal/config.json` → the page's settings (default subscription, sign-in);
 * - `GET /portal/{file}` → the built script and style bundles (cached for good: their names carry a hash).
 * All anonymous: the page holds no data; every call it makes to the JSON API is authorised as any other.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Config } from '../config';
import type { PortalAssets } from '../ports/portal-assets.port';
import { entraAuthorityHost, portalSettings } from '../use-cases/portal/portal-settings';
import { json } from './http-responses';

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export async function portalPage(
  assets: PortalAssets,
  config: Pick<Config, 'defaultSubscriptionId' | 'authRequired' | 'portal'>,
): Promise<HttpResponseInit> {
  const page = await assets.get('index.html');
  if (!page) {
    return {
      status: 503,
      body: 'The portal is not built: run `npm run build` (it writes dist/portal), then reload.',
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...securityHeaders,
      },
    };
  }
  return {
    status: 200,
    body: page.body,
    headers: {
      'content-type': page.contentType,
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy(Boolean(portalSettings(config).signIn)),
      ...securityHeaders,
    },
  };
}

export function portalConfig(
  config: Pick<Config, 'defaultSubscriptionId' | 'authRequired' | 'portal'>,
): HttpResponseInit {
  return json(200, portalSettings(config), { 'cache-control': 'no-cache', ...securityHeaders });
}

export async function portalAsset(assets: PortalAssets, request: HttpRequest): Promise<HttpResponseInit> {
  const asset = await assets.get(request.params.file ?? '');
  if (!asset) return { status: 404, headers: { 'cache-control': 'no-store', ...securityHeaders } };
  return {
    status: 200,
    body: asset.body,
    headers: {
      'content-type': asset.contentType,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    },
  };
}

/**
 * Scripts and styles from this origin only (no inline script or style attribute: the page sets styles
 * through the CSSOM, which CSP allows); API calls to this origin; with sign-in, MSAL's calls to Entra ID
 * (token endpoint, metadata) and its hidden iframe for silent renewal. `frame-ancestors 'none'` keeps the
 * page (and its Commit button) out of other sites' frames.
 */
export function contentSecurityPolicy(signIn: boolean): string {
  const entra = signIn ? ` ${entraAuthorityHost}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${entra}`,
    `frame-src ${signIn ? entraAuthorityHost : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
