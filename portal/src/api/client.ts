/**
 * The portal's client of the JSON API: same origin, `?subscriptionId=` on every call, the bearer token when
 * sign-in is on, errors as {@link ApiError} (the API's `{ error: { code, message, details } }`).
 *
 * A 503 with `Retry-After` (a transient fault) is retried a few times for requests that are safe to send
 * again: reads, and operation starts, which carry an `Idempotency-Key` so the service answers a repeat with
 * the same operation.
 */
import type { ApiErrorBody } from './types';

export interface TokenSource {
  /** A bearer token for the API, or undefined when the API wants none. */
  token(): Promise<string | undefined>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string[];

  constructor(status: number, code: string, message: string, details: string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface RequestOptions {
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | undefined>;
  /** Safe to send again after a transient fault (reads; starts with an Idempotency-Key). */
  retry?: boolean;
}

const maxRetries = 3;

export class ApiClient {
  subscriptionId: string;
  readonly #tokens: TokenSource;

  constructor(tokens: TokenSource, subscriptionId: string) {
    this.#tokens = tokens;
    this.subscriptionId = subscriptionId;
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, { retry: method === 'GET', ...options });
    return (await response.json()) as T;
  }

  /** The body as text (XML exports), or as JSON text for downloads. */
  async text(path: string, query: Record<string, string | undefined> = {}): Promise<string> {
    const response = await this.send('GET', path, { query, retry: true });
    return response.text();
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const url = new URL(path, window.location.origin);
    url.searchParams.set('subscriptionId', this.subscriptionId);
    for (const [key, value] of Object.entries(options.query ?? {}))
      if (value !== undefined && value !== '') url.searchParams.set(key, value);
    for (let attempt = 0; ; attempt++) {
      const token = await this.#tokens.token();
      const response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(options.body === undefined
            ? {}
            : { 'content-type': options.contentType ?? 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: options.body }),
      });
      if (response.ok) return response;
      const retryAfter = Number(response.headers.get('retry-after') ?? 'NaN');
      if (response.status === 503 && options.retry && attempt < maxRetries && Number.isFinite(retryAfter)) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, 10) * 1000));
        continue;
      }
      throw await apiError(response);
    }
  }
}

async function apiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as ApiErrorBody;
    return new ApiError(
      response.status,
      error.code,
      error.message,
      (error.details ?? []).filter((d) => d.message !== error.message).map((d) => d.message),
    );
  } catch {
    return new ApiError(response.status, `Http${response.status}`, text || response.statusText);
  }
}
