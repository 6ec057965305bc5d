/**
 * The CLI's HTTP client against a tiny local server (real HTTP): what it sends (subscription, token,
 * headers), and how answers map to exit codes, with 503 retried as `Retry-After` asks (capped).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ApiClient, ApiError } from '../../cli/api-client';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let endpoint = '';
let handler: Handler = (_request, response) => response.end();
const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', headers: request.headers, body });
      handler(request, response);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** A client whose waits are recorded instead of slept. */
function client(options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) {
  const waits: number[] = [];
  const notes: string[] = [];
  const api = new ApiClient({
    endpoint: `${endpoint}/`,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    onRetry: (note) => notes.push(note),
    ...options,
  });
  return { api, waits, notes };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('the CLI API client', () => {
  it('When a request is sent, then it carries the subscription, the bearer token and its headers', async () => {
    seen.length = 0;
    handler = answer(202, { operationId: 'op-1' });
    const { api } = client({ subscriptionId: 'sub-1', token: 'secret-token' });
    const response = await api.post<{ operationId: string }>(
      '/api/migrations/virtualNetworks/Prod%20VNet/prepare',
      {
        body: { includePreflight: true },
        headers: { 'idempotency-key': 'key-1' },
      },
    );
    expect(response).toMatchObject({ status: 202, body: { operationId: 'op-1' } });
    expect(seen[0]).toMatchObject({
      url: '/api/migrations/virtualNetworks/Prod%20VNet/prepare?subscriptionId=sub-1',
      headers: {
        authorization: 'Bearer secret-token',
        'idempotency-key': 'key-1',
        'content-type': 'application/json',
      },
      body: '{"includePreflight":true}',
    });
  });

  it('When no subscription is given, then no subscriptionId is sent (the service uses its default)', async () => {
    seen.length = 0;
    handler = answer(200, {});
    await client().api.get('/api/batches', { query: { run: '2', absent: undefined } });
    expect(seen[0]?.url).toBe('/api/batches?run=2');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('When the service answers 503 with Retry-After, then the request is retried after that many seconds (at most 10)', async () => {
    let calls = 0;
    handler = (request, response) => {
      calls++;
      if (calls === 1)
        return answer(
          503,
          { error: { code: 'ServiceUnavailable', message: 'busy' } },
          { 'retry-after': '5' },
        )(request, response);
      if (calls === 2)
        return answer(
          503,
          { error: { code: 'ServiceUnavailable', message: 'busy' } },
          { 'retry-after': '120' },
        )(request, response);
      answer(200, { ok: true })(request, response);
    };
    const { api, waits, notes } = client();
    expect((await api.get('/api/health')).body).toEqual({ ok: true });
    expect(waits).toEqual([5000, 10_000]);
    expect(notes[0]).toMatch(/answered 503; retrying in 5 s \(1\/3\)/);
  });

  it('When the service keeps answering 503, then after three retries it is exit 3 with the API message', async () => {
    let calls = 0;
    handler = (request, response) => {
      calls++;
      answer(
        503,
        { error: { code: 'ServiceUnavailable', message: 'storage unreachable' } },
        { 'retry-after': '1' },
      )(request, response);
    };
    const { api, waits } = client();
    const error = await failure(api.get('/api/health'));
    expect(calls).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(error).toMatchObject({ exitCode: 3, status: 503, code: 'ServiceUnavailable' });
    expect(error.message).toBe('error: ServiceUnavailable: storage unreachable');
  });

  it.each([
    [401, 3],
    [403, 3],
    [500, 3],
    [400, 2],
    [404, 2],
    [422, 2],
    [409, 1],
  ])('When the service answers %i, then the exit code is %i', async (status, exitCode) => {
    handler = answer(status, { error: { code: `Code${status}`, message: `message ${status}` } });
    const error = await failure(client().api.get('/api/migrations/virtualNetworks/X'));
    expect(error).toMatchObject({ exitCode, status, code: `Code${status}` });
    expect(error.message).toBe(`error: Code${status}: message ${status}`);
  });

  it('When an error carries a recommendation, then it is printed under the message', async () => {
    handler = answer(400, {
      error: {
        code: 'SUBSCRIPTION_NOT_REGISTERED',
        message: 'Subscription is not registered for migration.',
        details: [{ code: 'Recommendation', message: 'Register the resource provider.' }],
      },
    });
    const error = await failure(client().api.post('/api/migrations/virtualNetworks/X/validate'));
    expect(error.message).toBe(
      'error: SUBSCRIPTION_NOT_REGISTERED: Subscription is not registered for migration.\n  recommendation: Register the resource provider.',
    );
  });

  it('When the error is not the API shape (a proxy page), then its status stands as the code', async () => {
    handler = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad Gateway</html>');
    };
    const error = await failure(client({ retries: 0 }).api.get('/api/health'));
    expect(error).toMatchObject({
      exitCode: 3,
      code: 'Http502',
      message: 'error: Http502: <html>Bad Gateway</html>',
    });
  });

  it('When nothing listens at the endpoint, then exit 3 says the service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const address = closed.address();
    await new Promise((done) => closed.close(done));
    const port = typeof address === 'object' && address ? address.port : 9;
    const error = await failure(client({ endpoint: `http://127.0.0.1:${port}` }).api.get('/api/health'));
    expect(error).toMatchObject({ exitCode: 3, code: 'ECONNREFUSED' });
    expect(error.message).toMatch(
      /cannot reach the service at http:\/\/127\.0\.0\.1:\d+ .*Set --endpoint or MIGRATION_ENDPOINT/,
    );
  });

  it('When the service does not answer in time, then exit 3 says it timed out', async () => {
    handler = () => {
      // Never answers.
    };
    const error = await failure(client({ timeoutMs: 200 }).api.get('/api/health'));
    expect(error).toMatchObject({ exitCode: 3, code: 'Timeout' });
    expect(error.message).toMatch(/did not answer within 0.2 s\./);
  });
});
