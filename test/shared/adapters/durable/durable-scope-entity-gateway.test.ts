/**
 * How the real durable-functions 3.5.0 client reports a failing host, and what the gateway makes of it: a
 * DurableClient built as the Functions host builds it (the `durableClient` input, `rpcBaseUrl`) talks to a
 * local HTTP server that answers what a throttled, failing or unreachable host would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { durableClientInput } from '../../../../devhost/durable/durable-client-input';
import {
  DurableScopeEntityGateway,
  EntityClientError,
} from '../../../../shared/adapters/durable/durable-scope-entity-gateway';
import { isTransient } from '../../../../shared/use-cases/errors';

type Answer = (request: IncomingMessage, response: ServerResponse) => void;

let answer: Answer = (_request, response) => response.writeHead(500).end();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The gateway over a DurableClient whose host is the local server. */
function gateway(): DurableScopeEntityGateway {
  const input = df.input.durableClient();
  const context = new InvocationContext({ options: { extraInputs: [input] } });
  const data = durableClientInput(baseUrl, 'TestHub').json;
  context.extraInputs.set(input, JSON.parse(data ?? '{}'));
  return new DurableScopeEntityGateway(df.getClient(context));
}

const command = { type: 'expireLease' as const, now: '2026-01-01T00:00:00.000Z' };

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
}

describe('DurableScopeEntityGateway over durable-functions 3.5.0', () => {
  it.each([408, 429, 500, 503])(
    'When the host answers %i to a signal, then the error carries the status and is transient',
    async (status) => {
      answer = (_request, response) =>
        response.writeHead(status, { 'content-type': 'text/plain' }).end('busy');
      const error = await failureOf(gateway().signal('scope-1', command));
      expect(error).toBeInstanceOf(EntityClientError);
      expect(error).toMatchObject({ statusCode: status });
      expect((error as Error).message).toContain(`unexpected status code: ${status}`);
      expect(isTransient(error)).toBe(true);
    },
  );

  it('When the host answers 400 to a read, then the error is permanent', async () => {
    answer = (_request, response) => response.writeHead(400).end('bad');
    const error = await failureOf(gateway().read('scope-1'));
    expect(error).toMatchObject({ statusCode: 400 });
    expect(isTransient(error)).toBe(false);
  });

  it('When the host resets the connection, then the socket error is transient', async () => {
    answer = (request) => request.socket.destroy();
    const error = await failureOf(gateway().read('scope-1'));
    expect(error).not.toBeInstanceOf(EntityClientError);
    expect(isTransient(error)).toBe(true);
  });

  it('When nothing listens, then the refused connection is transient', async () => {
    const unreachable = createServer();
    await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
    const port = (unreachable.address() as AddressInfo).port;
    await new Promise((resolve) => unreachable.close(resolve));
    const input = df.input.durableClient();
    const context = new InvocationContext({ options: { extraInputs: [input] } });
    context.extraInputs.set(
      input,
      JSON.parse(durableClientInput(`http://127.0.0.1:${port}`, 'TestHub').json ?? '{}'),
    );
    const error = await failureOf(new DurableScopeEntityGateway(df.getClient(context)).read('scope-1'));
    expect(isTransient(error)).toBe(true);
  });

  it('When the host answers 404 to a read, then the entity does not exist (no error)', async () => {
    answer = (_request, response) => response.writeHead(404).end();
    await expect(gateway().read('scope-1')).resolves.toBeUndefined();
  });
});
