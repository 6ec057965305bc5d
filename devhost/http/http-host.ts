/**
 * The HTTP front door of a worker: the host's own endpoints first (`/admin/…`, `/runtime/webhooks/…`, which
 * the Functions host reserves too, so they win even with an empty route prefix), then the app's HTTP trigger
 * routes. Until the whole dev host serves, every request gets 503, so `GET /api/health` answers 200 only once
 * every trigger is running.
 */
import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

import { CoreInvocationResponse } from '../core-shim';
import { durableWebhookPath } from '../durable/durable-client-input';
import { describeError, Logger } from '../logging/logger';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { HostRequest, HostResponse, jsonResponse } from './host-routes';
import { toRpcHttpRequest, writeRpcHttpResponse } from './http-conversion';
import { RouteTable } from './route-table';

/** Azure's request body limit. */
const maxBodyBytes = 100 * 1024 * 1024;

export type HostEndpoint = (request: HostRequest, relativePath: string) => Promise<HostResponse>;

export interface HttpHostDependencies {
  routes: RouteTable<HostedFunction>;
  invoker: FunctionInvoker;
  admin: HostEndpoint;
  eventGrid: HostEndpoint;
  durable: HostEndpoint;
  isServing: () => boolean;
  logger: Logger;
}

export class HttpHost {
  readonly #deps: HttpHostDependencies;
  readonly #servers: Server[] = [];

  constructor(deps: HttpHostDependencies) {
    this.#deps = deps;
  }

  /** Listens on the port(s); resolves with the ports actually bound (0 = let the system choose). */
  async listen(
    bindAddress: string,
    port: number,
    https: { port: number; cert: string; key: string } | undefined,
  ): Promise<{ port: number; httpsPort: number | undefined }> {
    const handler = (request: IncomingMessage, response: ServerResponse) =>
      void this.#handle(request, response);
    const plain = createHttpServer({ keepAliveTimeout: 5_000 }, handler);
    const boundPort = await listenOn(plain, bindAddress, port);
    this.#servers.push(plain);
    let boundHttpsPort: number | undefined;
    if (https) {
      const secure = createHttpsServer(
        { cert: https.cert, key: https.key, keepAliveTimeout: 5_000 },
        handler,
      );
      boundHttpsPort = await listenOn(secure, bindAddress, https.port);
      this.#servers.push(secure);
    }
    return { port: boundPort, httpsPort: boundHttpsPort };
  }

  /** Stops accepting connections and drops idle keep-alive ones; requests in progress finish. */
  async close(): Promise<void> {
    await Promise.all(
      this.#servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      ),
    );
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await readBody(request);
      const protocol = 'encrypted' in request.socket ? 'https' : 'http';
      const url = new URL(request.url ?? '/', `${protocol}://${request.headers.host ?? 'localhost'}`);
      if (!this.#deps.isServing()) {
        writeHostResponse(response, jsonResponse(503, { status: 'starting' }, { 'retry-after': '1' }));
        return;
      }
      const hostRequest: HostRequest = {
        method: request.method ?? 'GET',
        url,
        headers: request.headers,
        body,
      };
      const path = url.pathname;
      const lower = path.toLowerCase();
      if (lower.startsWith('/admin/')) {
        writeHostResponse(response, await this.#deps.admin(hostRequest, path.slice('/admin/'.length)));
      } else if (lower === '/runtime/webhooks/eventgrid') {
        writeHostResponse(response, await this.#deps.eventGrid(hostRequest, ''));
      } else if (lower.startsWith(durableWebhookPath)) {
        writeHostResponse(
          response,
          await this.#deps.durable(hostRequest, path.slice(durableWebhookPath.length)),
        );
      } else {
        await this.#invokeRoute(request, response, url, body);
      }
    } catch (error) {
      this.#deps.logger.error('The dev host failed to answer a request.', { error: describeError(error) });
      if (!response.headersSent) writeHostResponse(response, jsonResponse(500, { error: 'Dev host error.' }));
      else response.end();
    }
  }

  async #invokeRoute(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    const match = this.#deps.routes.match(request.method ?? 'GET', url.pathname);
    if (!match) {
      response.writeHead(404, { 'content-length': '0' }).end();
      return;
    }
    const fn = match.target;
    let result: CoreInvocationResponse;
    try {
      ({ response: result } = await this.#deps.invoker.invoke(fn, {
        triggerData: toRpcHttpRequest(request, url, body, match.params),
        reason: `This function was programmatically called via the host APIs.`,
      }));
    } catch {
      // Unhandled exception in the function: Azure answers 500 with an empty body.
      response.writeHead(500, { 'content-length': '0' }).end();
      return;
    }
    writeRpcHttpResponse(response, httpOutput(fn, result));
  }
}

function httpOutput(fn: HostedFunction, result: CoreInvocationResponse) {
  for (const [name, binding] of Object.entries(fn.registered.metadata.bindings)) {
    if (binding.direction !== 'out' || binding.type.toLowerCase() !== 'http') continue;
    const data =
      name === '$return' ? result.returnValue : result.outputData?.find((o) => o.name === name)?.data;
    return (data?.http ?? undefined) as Parameters<typeof writeRpcHttpResponse>[1];
  }
  return undefined;
}

export function writeHostResponse(response: ServerResponse, hostResponse: HostResponse): void {
  const body = hostResponse.body === undefined ? Buffer.alloc(0) : Buffer.from(hostResponse.body);
  response.writeHead(hostResponse.status, { ...hostResponse.headers, 'content-length': String(body.length) });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('The request body exceeds 100 MB.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function listenOn(server: Server, bindAddress: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindAddress, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
