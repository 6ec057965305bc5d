/** The shapes the dev host's own endpoints (admin, webhooks) take and return. */
import { IncomingHttpHeaders } from 'node:http';

export interface HostRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HostResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HostResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): HostResponse {
  return { status, headers };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a JSON request body; undefined if it is not JSON. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
