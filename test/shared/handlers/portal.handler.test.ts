/**
 * The portal's HTTP edge: the page, its settings (`/portal/config.json`), its assets from the built folder
 * (only files listed there, cached by content hash), and the routes: the root route matches the root alone.
 */
import '../../../functions/portal-asset.http';
import '../../../functions/portal-config.http';
import '../../../functions/portal-page.http';

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HttpRequest } from '@azure/functions';
import { afterAll, describe, expect, it } from 'vitest';

import { capturedApp } from '../../../devhost/core-shim';
import { RouteTable } from '../../../devhost/http/route-table';
import { PortalAssetFolder } from '../../../shared/adapters/portal/portal-asset-folder';
import { parseConfig } from '../../../shared/config';
import {
  contentSecurityPolicy,
  portalAsset,
  portalConfig,
  portalPage,
} from '../../../shared/handlers/portal.handler';

const base = { AzureWebJobsStorage: 'UseDevelopmentStorage=true', DEVHOST_SERVICE_BUS: 'azurite' };
const folder = mkdtempSync(join(tmpdir(), 'portal-assets-'));
writeFileSync(join(folder, 'index.html'), '<!doctype html><title>portal</title>');
writeFileSync(join(folder, 'main-ABCD1234.js'), 'console.log(1)');
writeFileSync(join(folder, '.secret'), 'no');
mkdirSync(join(folder, 'nested'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const get = (file: string) =>
  new HttpRequest({
    method: 'GET',
    url: `http://localhost/portal/${encodeURIComponent(file)}`,
    params: { file },
  });

describe('the portal settings', () => {
  it('When auth is off, then the page needs no sign-in', () => {
    expect(portalConfig(parseConfig(base)).jsonBody).toEqual({
      defaultSubscriptionId: '00000000-0000-0000-0000-000000000000',
      authRequired: false,
    });
  });

  it('When auth is on and the portal has its app registration, then it signs in to the tenant for the API scope', () => {
    const config = parseConfig({
      ...base,
      AUTH_REQUIRED: 'true',
      AUTH_TENANT_ID: 'contoso-tenant',
      AUTH_CLIENT_ID: 'api-client-id',
      PORTAL_CLIENT_ID: 'spa-client-id',
    });
    expect(portalConfig(config).jsonBody).toMatchObject({
      authRequired: true,
      signIn: {
        clientId: 'spa-client-id',
        authority: 'https://login.microsoftonline.com/contoso-tenant',
        scopes: ['api://api-client-id/.default'],
      },
    });
  });

  it('When auth is on but PORTAL_CLIENT_ID is not set, then the settings say which setting is missing', () => {
    const config = parseConfig({
      ...base,
      AUTH_REQUIRED: 'true',
      AUTH_TENANT_ID: 't',
      AUTH_CLIENT_ID: 'api',
    });
    const body = portalConfig(config).jsonBody as { signIn?: unknown; signInProblem?: string };
    expect(body.signIn).toBeUndefined();
    expect(body.signInProblem).toContain('PORTAL_CLIENT_ID');
  });
});

describe('the page and its assets', () => {
  const assets = new PortalAssetFolder(folder);

  it('When the page is asked for, then it is served uncached with a CSP that allows only this origin (and Entra ID with sign-in)', async () => {
    const response = await portalPage(assets, parseConfig(base));
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
    const csp = (response.headers as Record<string, string>)['content-security-policy'];
    expect(csp).toBe(contentSecurityPolicy(false));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(contentSecurityPolicy(true)).toContain("connect-src 'self' https://login.microsoftonline.com");
  });

  it('When the portal is not built, then the page says how to build it', async () => {
    const response = await portalPage(new PortalAssetFolder(join(folder, 'missing')), parseConfig(base));
    expect(response.status).toBe(503);
    expect(response.body).toContain('npm run build');
  });

  it('When a hashed bundle is asked for, then it is served as JavaScript, cached for good', async () => {
    const response = await portalAsset(assets, get('main-ABCD1234.js'));
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  it.each([
    '../package.json',
    '..%2Fpackage.json',
    '.secret',
    'nested',
    'nested/x.js',
    'missing.js',
    '',
    'index.html/',
  ])('When %j is asked for, then the answer is 404', async (file) => {
    expect((await portalAsset(assets, get(file))).status).toBe(404);
  });
});

describe('the portal routes', () => {
  const routeOf = (name: string) =>
    Object.values(capturedApp().functions.get(name)?.metadata.bindings ?? {}).find(
      (b) => b.type === 'httpTrigger',
    );

  it('When the functions are registered, then the page, its settings and its assets are anonymous GETs', () => {
    expect(routeOf('portalPage')).toMatchObject({
      route: '{root:maxlength(0)?}',
      methods: ['GET'],
      authLevel: 'anonymous',
    });
    expect(routeOf('portalConfig')).toMatchObject({
      route: 'portal/config.json',
      methods: ['GET'],
      authLevel: 'anonymous',
    });
    expect(routeOf('portalAsset')).toMatchObject({
      route: 'portal/{file}',
      methods: ['GET'],
      authLevel: 'anonymous',
    });
  });

  it('When routed as the host routes them (empty prefix), then the root route takes the root alone', () => {
    const table = new RouteTable<string>('');
    for (const [route, name] of [
      ['{root:maxlength(0)?}', 'page'],
      ['portal/config.json', 'config'],
      ['portal/{file}', 'asset'],
      ['api/health', 'health'],
      ['api/migrations/{scopeKind}/{name}', 'status'],
      ['{subscriptionId}/services/networking/reservedips/{name?}', 'sm'],
      ['subscriptions/{subscriptionId}/resourceGroups', 'arm'],
    ] as const)
      table.add(route, ['GET'], name);
    const target = (path: string) => table.match('GET', path)?.target;
    expect(target('/')).toBe('page');
    expect(target('')).toBe('page');
    expect(target('/portal/config.json')).toBe('config');
    expect(target('/portal/main-ABCD1234.js')).toBe('asset');
    expect(target('/api/health')).toBe('health');
    expect(target('/api/migrations/virtualNetworks/Prod-VNet')).toBe('status');
    expect(target('/sub-1/services/networking/reservedips')).toBe('sm');
    expect(target('/subscriptions/sub-1/resourceGroups')).toBe('arm');
    expect(target('/anything')).toBeUndefined();
  });
});
