/**
 * Converts between node's http objects and the worker's RpcHttpData, the form the host passes HTTP requests
 * and responses in. Bodies are buffered (no streaming), as without `app.setup({ enableHttpStream: true })`.
 */
import { IncomingMessage, ServerResponse } from 'node:http';

import { RpcTypedDataLike } from '../core-shim';
import { RouteParams } from './route-template';

export function toRpcHttpRequest(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  params: RouteParams,
): RpcTypedDataLike {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    http: {
      method: request.method ?? 'GET',
      url: url.toString(),
      headers,
      params,
      // No `query`: the library then reads it from the URL, which keeps repeated keys.
      body: body.length > 0 ? { bytes: body } : undefined,
      identities: [],
    },
  };
}

interface RpcNullable<T> {
  value?: T;
}

interface RpcHttpCookie {
  name?: string;
  value?: string;
  domain?: RpcNullable<string> | null;
  path?: RpcNullable<string> | null;
  expires?: RpcNullable<{ seconds?: number; nanos?: number }> | null;
  secure?: RpcNullable<boolean> | null;
  httpOnly?: RpcNullable<boolean> | null;
  sameSite?: string;
  maxAge?: RpcNullable<number> | null;
}

interface RpcHttpResponse {
  statusCode?: string;
  headers?: Record<string, string>;
  cookies?: RpcHttpCookie[];
  body?: RpcTypedDataLike | null;
}

/** Writes the function's RpcHttpData response; a function that returned nothing gets 204 No Content. */
export function writeRpcHttpResponse(response: ServerResponse, http: RpcHttpResponse | undefined): void {
  if (!http) {
    response.writeHead(204).end();
    return;
  }
  const status = Number(http.statusCode ?? 200);
  const headers: Record<string, string | string[]> = { ...(http.headers ?? {}) };
  const cookies = (http.cookies ?? []).map(serializeCookie);
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = bodyBytes(http.body);
  headers['content-length'] = String(body.length);
  response.writeHead(Number.isInteger(status) ? status : 500, headers);
  response.end(body);
}

function bodyBytes(body: RpcTypedDataLike | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  if (body.bytes) return Buffer.from(body.bytes);
  if (typeof body.string === 'string') return Buffer.from(body.string, 'utf8');
  if (typeof body.json === 'string') return Buffer.from(body.json, 'utf8');
  return Buffer.alloc(0);
}

function serializeCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  const expires = cookie.expires?.value;
  if (expires?.seconds !== undefined) parts.push(`Expires=${new Date(expires.seconds * 1000).toUTCString()}`);
  if (cookie.maxAge?.value !== undefined) parts.push(`Max-Age=${cookie.maxAge.value}`);
  if (cookie.secure?.value) parts.push('Secure');
  if (cookie.httpOnly?.value) parts.push('HttpOnly');
  const sameSite = { lax: 'Lax', strict: 'Strict', explicitNone: 'None' }[cookie.sameSite ?? ''];
  if (sameSite) parts.push(`SameSite=${sameSite}`);
  return parts.join('; ');
}
