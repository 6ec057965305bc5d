/**
 * Counts what a dev host process asks of its storage (Azurite), cheaply enough to stay on: every HTTP request
 * the process sends is seen on Node's `http.client.request.start` diagnostics channel and classified by the
 * endpoint it goes to (table or queue service of `AzureWebJobsStorage`), its method and its path. Entity
 * group transactions are one HTTP request each; how many entity writes each carried comes from the table
 * adapter's own channel (`tableTransactionChannelName`). Conflicts (409/412) come from the response channel.
 *
 * Counts are per process, since it started; the primary adds up the workers' (see host-stats.ts).
 */
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

import { tableTransactionChannelName } from '../../shared/adapters/tables/batches';
import { emptyStorageCounts, type StorageCounts } from './host-stats';

/** `host:port` of the table and queue endpoints of a storage connection string. */
export function storageEndpoints(connectionString: string): { table?: string; queue?: string } {
  const endpoint = (name: string) => {
    const match = new RegExp(`${name}Endpoint=([^;]+)`, 'i').exec(connectionString);
    if (!match?.[1]) return undefined;
    try {
      return new URL(match[1]).host.toLowerCase();
    } catch {
      return undefined;
    }
  };
  return { table: endpoint('Table'), queue: endpoint('Queue') };
}

type Service = 'table' | 'queue';

/** The table call a request makes, from its method and path (`/<account>/<resource>…`). */
export function classifyTableRequest(
  method: string,
  path: string,
): 'read' | 'write' | 'transaction' | 'other' {
  const resource = (path.split('?')[0] ?? '').split('/').slice(2).join('/');
  if (resource === '$batch' || resource.toLowerCase() === '%24batch') return 'transaction';
  if (/^Tables\b/i.test(resource)) return 'other';
  if (method === 'GET') return 'read';
  if (['POST', 'PUT', 'PATCH', 'MERGE', 'DELETE'].includes(method)) return 'write';
  return 'other';
}

/** The queue call a request makes, from its method and path (`/<account>/<queue>/messages[/<id>]`). */
export function classifyQueueRequest(
  method: string,
  path: string,
): 'send' | 'receive' | 'peek' | 'delete' | 'update' | 'other' {
  const [pathname = '', query = ''] = path.split('?');
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  if (segments[2]?.toLowerCase() !== 'messages') return 'other';
  const onMessage = segments.length > 3;
  if (!onMessage && method === 'POST') return 'send';
  if (!onMessage && method === 'GET') return /(^|&)peekonly=true/i.test(query) ? 'peek' : 'receive';
  if (onMessage && method === 'DELETE') return 'delete';
  if (onMessage && method === 'PUT') return 'update';
  return 'other';
}

/** Starts counting this process's storage calls; the returned function reads the counts so far. */
export function countStorageCalls(connectionString: string): () => StorageCounts {
  const counts = emptyStorageCounts();
  const endpoints = storageEndpoints(connectionString);
  const services = new WeakMap<ClientRequest, Service>();
  const serviceOf = (request: ClientRequest): Service | undefined => {
    const host = String(request.getHeader('host') ?? request.host ?? '').toLowerCase();
    if (host === endpoints.table) return 'table';
    if (host === endpoints.queue) return 'queue';
    return undefined;
  };

  subscribe('http.client.request.start', (message) => {
    const request = (message as { request: ClientRequest }).request;
    const service = serviceOf(request);
    if (!service) {
      counts.otherRequests++;
      return;
    }
    services.set(request, service);
    const method = request.method.toUpperCase();
    if (service === 'table') {
      counts.table.requests++;
      const kind = classifyTableRequest(method, request.path);
      if (kind === 'read') counts.table.reads++;
      else if (kind === 'write') counts.table.writes++;
      else if (kind === 'transaction') counts.table.transactions++;
      else counts.table.other++;
    } else {
      counts.queue.requests++;
      const kind = classifyQueueRequest(method, request.path);
      if (kind === 'send') counts.queue.sends++;
      else if (kind === 'receive') counts.queue.receives++;
      else if (kind === 'peek') counts.queue.peeks++;
      else if (kind === 'delete') counts.queue.deletes++;
      else if (kind === 'update') counts.queue.updates++;
      else counts.queue.other++;
    }
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (services.get(request) === 'table' && (response.statusCode === 409 || response.statusCode === 412))
      counts.table.conflicts++;
  });
  subscribe(tableTransactionChannelName, (message) => {
    counts.table.transactionWrites += (message as { operations: number }).operations;
  });
  return () => structuredClone(counts);
}

/** Channels are kept referenced here: a channel object nobody holds may be collected with its subscribers. */
const held: diagnostics.Channel[] = [];

function subscribe(name: string, listener: (message: unknown) => void): void {
  const channel = diagnostics.channel(name);
  channel.subscribe(listener);
  held.push(channel);
}
