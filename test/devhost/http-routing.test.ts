import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DevHost } from '../support/devhost';
import { startFixtureHost } from './fixture-app';

const run = promisify(execFile);

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined };
}

describe('dev host HTTP triggers (empty route prefix)', () => {
  let host: DevHost;
  beforeAll(async () => {
    host = await startFixtureHost({ https: true });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it.each([
    ['items/special', 'literal', {}],
    ['ITEMS/Special', 'literal', {}],
    ['items/42', 'int', { id: '42' }],
    ['items/3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'guid', { id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' }],
    ['items/abc', 'alpha', { name: 'abc' }],
    ['items/12abc', 'parameter', { value: '12abc' }],
    ['items/99999999999', 'parameter', { value: '99999999999' }],
    ['items/a/b/c', 'catchAll', { rest: 'a/b/c' }],
    ['optional', 'optional', {}],
    ['optional/x', 'optional', { name: 'x' }],
    ['api/things/7', 'api', { id: '7' }],
    ['subscriptions/sub-1/services', 'root', { subscriptionId: 'sub-1' }],
  ])('When GET /%s, then the %s route answers with its params', async (path, route, params) => {
    const { status, body } = await getJson(`${host.baseUrl}/${path}`);
    expect(status).toBe(200);
    expect(body).toEqual({ route, params });
  });

  it('When a known route is called with a method it does not accept, then the answer is 404 as in Azure', async () => {
    const response = await fetch(`${host.baseUrl}/items/special`, { method: 'PUT' });
    expect(response.status).toBe(404);
  });

  it('When two routes share a template but not a method, then the method picks the route', async () => {
    expect((await getJson(`${host.baseUrl}/items/42`)).body).toMatchObject({ route: 'int' });
    const response = await fetch(`${host.baseUrl}/items/42`, { method: 'DELETE' });
    expect(await response.json()).toEqual({ route: 'delete', params: { id: '42' } });
  });

  it('When no route matches, then the answer is 404', async () => {
    expect((await fetch(`${host.baseUrl}/nothing/here`)).status).toBe(404);
  });

  it('When a request has a JSON body, query and headers, then the function sees them and its response is converted back', async () => {
    const response = await fetch(`${host.baseUrl}/echo?a=1&b=two`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 1 }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo-method')).toBe('POST');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('set-cookie')).toBe('session=abc; Path=/; HttpOnly');
    expect(await response.json()).toEqual({
      method: 'POST',
      query: { a: '1', b: 'two' },
      contentType: 'application/json',
      body: { x: 1 },
    });
  });

  it('When a function returns a text body, then it is sent as text', async () => {
    const response = await fetch(`${host.baseUrl}/text`);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('plain text');
  });

  it('When pre/postInvocation hooks are registered, then they can replace the handler and rewrite its result', async () => {
    expect((await getJson(`${host.baseUrl}/hooked`)).body).toEqual({ handler: 'replaced', seenByPre: true });
  });

  it('When a function throws, then the answer is 500', async () => {
    const response = await fetch(`${host.baseUrl}/boom`);
    expect(response.status).toBe(500);
  });

  it('When HTTPS_PORT is set, then every route is served over TLS with a certificate a client can trust through NODE_EXTRA_CA_CERTS', async () => {
    expect(host.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(host.caCertPath).toBeDefined();
    const script = `fetch(process.argv[1]).then(async (r) => console.log(r.status, await r.text()))`;
    const trusted = await run(process.execPath, ['-e', script, `${host.httpsUrl}/items/42`], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: host.caCertPath },
    });
    expect(trusted.stdout.trim()).toBe('200 {"route":"int","params":{"id":"42"}}');
    const untrusted = await run(
      process.execPath,
      ['-e', `${script}.catch((e) => console.log('refused', e.cause?.code))`, `${host.httpsUrl}/items/42`],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      },
    );
    expect(untrusted.stdout.trim()).toMatch(/^refused /);
  });
});

describe('dev host HTTP triggers (route prefix api)', () => {
  let host: DevHost;
  beforeAll(async () => {
    host = await startFixtureHost({
      hostJson: 'test/fixtures/devhost-app/host.api-prefix.json',
      healthPath: '/api/api/health',
    });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('When host.json sets routePrefix api, then routes answer under /api and not at the root', async () => {
    expect((await getJson(`${host.baseUrl}/api/items/42`)).body).toEqual({
      route: 'int',
      params: { id: '42' },
    });
    expect((await fetch(`${host.baseUrl}/items/42`)).status).toBe(404);
  });
});
