/**
 * The CLI's client of the JSON API: base URL, `?subscriptionId=`, the bearer token, retries of transient
 * answers, and every failure mapped to an exit code (see exit-codes.ts), so commands only deal with
 * answers they can use.
 *
 * Retries: 503 (and 502, 504, 429) are retried up to three times, honouring `Retry-After` (capped at 10 s:
 * the service asks for 5 s; a proxy asking for minutes would leave a person staring at nothing). Starting
 * an operation is safe to resend because every start carries an `Idempotency-Key`. A connection reset is
 * retried for GETs only (a POST may have been applied; batch creation has no idempotency key). A refused
 * connection or a timeout is not retried: the service is not there, and saying so at once is more useful.
 */
import { CliError, exitCodes } from './exit-codes';

export interface ApiClientOptions {
  /** Base URL of the service, e.g. `http://localhost:7071`. */
  endpoint: string;
  /** Sent as `?subscriptionId=` on every request; absent, the service uses its default subscription. */
  subscriptionId?: string | undefined;
  /** Sent as `Authorization: Bearer …` on every request. */
  token?: string | undefined;
  userAgent?: string;
  /** Retries of a transient answer (default 3). */
  retries?: number;
  /** Longest wait for one `Retry-After`, in seconds (default 10). */
  maxRetryAfterSeconds?: number;
  /** Time allowed for one HTTP exchange (default 30 s). */
  timeoutMs?: number;
  /** Injected by tests to avoid real waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry (the CLI writes it to stderr). */
  onRetry?: (note: string) => void;
}

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  /** A JSON value (sent as JSON), or a string/bytes sent as they are with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, the text otherwise. */
  body: T;
  text: string;
}

/** The API's error shape: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { code?: string; target?: string; message: string }[] };
}

/** An answer or failure that ends the command (or, for `import`, that file). */
export class ApiError extends CliError {
  /** The HTTP status; undefined when no answer came (unreachable, timed out). */
  readonly status: number | undefined;
  readonly code: string;
  /** The API's error body when it sent one. */
  readonly body: unknown;

  constructor(
    exitCode: CliError['exitCode'],
    code: string,
    message: string,
    status?: number,
    body?: unknown,
  ) {
    super(exitCode, message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

const transientStatuses = new Set([429, 502, 503, 504]);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export class ApiClient {
  readonly endpoint: string;
  readonly subscriptionId: string | undefined;
  private readonly options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    let endpoint: URL;
    try {
      endpoint = new URL(options.endpoint);
    } catch {
      throw new CliError(exitCodes.usage, `error: --endpoint '${options.endpoint}' is not a URL.`);
    }
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:')
      throw new CliError(
        exitCodes.usage,
        `error: --endpoint must be an http(s) URL (got '${options.endpoint}').`,
      );
    this.endpoint = endpoint.toString().replace(/\/+$/, '');
    this.subscriptionId = options.subscriptionId?.trim() || undefined;
    this.options = options;
  }

  get<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, options);
  }

  post<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, options);
  }

  /** The URL of `path` with the query and the subscription. */
  url(path: string, query: Record<string, string | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
    if (this.subscriptionId !== undefined) params.set('subscriptionId', this.subscriptionId);
    const search = params.toString();
    return `${this.endpoint}${path}${search === '' ? '' : `?${search}`}`;
  }

  /** Sends one request; answers 2xx, throws {@link ApiError} for everything else (after retries). */
  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const retries = this.options.retries ?? 3;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.send(method, path, options);
      } catch (caught) {
        const failure = connectionFailure(caught);
        if (method === 'GET' && resetCodes.has(failure.code) && attempt < retries) {
          this.options.onRetry?.(`note: the connection was reset; retrying (${attempt + 1}/${retries})…`);
          await sleep(1000);
          continue;
        }
        throw new ApiError(
          exitCodes.unavailable,
          failure.code,
          failure.timedOut
            ? `error: ${failure.code}: the service at ${this.endpoint} did not answer within ${this.timeoutMs() / 1000} s.`
            : `error: ${failure.code}: cannot reach the service at ${this.endpoint} (${failure.message}). Is it running? Set --endpoint or MIGRATION_ENDPOINT.`,
        );
      }
      const text = await response.text();
      if (response.ok)
        return { status: response.status, headers: response.headers, body: parse(text, response) as T, text };
      if (transientStatuses.has(response.status) && attempt < retries) {
        const waitMs = this.retryDelayMs(response.headers.get('retry-after'), attempt);
        this.options.onRetry?.(
          `note: the service answered ${response.status}; retrying in ${Math.ceil(waitMs / 1000)} s (${attempt + 1}/${retries})…`,
        );
        await sleep(waitMs);
        continue;
      }
      throw errorOf(response.status, text, response);
    }
  }

  private send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/xml;q=0.9, */*;q=0.5',
      'user-agent': this.options.userAgent ?? 'classic-migrate',
      ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      ...options.headers,
    };
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string' || options.body instanceof Uint8Array) {
        body = options.body;
        headers['content-type'] = options.contentType ?? 'text/plain';
      } else {
        body = JSON.stringify(options.body);
        headers['content-type'] = options.contentType ?? 'application/json';
      }
    }
    return fetch(this.url(path, options.query), {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(this.timeoutMs()),
    });
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 30_000;
  }

  /** `Retry-After` in seconds or as an HTTP date, capped; without it 1 s, 2 s, 4 s. */
  private retryDelayMs(retryAfter: string | null, attempt: number): number {
    const capMs = (this.options.maxRetryAfterSeconds ?? 10) * 1000;
    let ms: number | undefined;
    if (retryAfter !== null && retryAfter.trim() !== '') {
      const seconds = Number(retryAfter);
      ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
      if (!Number.isFinite(ms)) ms = undefined;
    }
    return Math.min(capMs, Math.max(0, ms ?? 1000 * 2 ** attempt));
  }
}

function parse(text: string, response: Response): unknown {
  const type = response.headers.get('content-type') ?? '';
  if (text === '' || !/json/i.test(type)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The API error body, if the text is one. */
export function apiErrorBody(value: unknown): ApiErrorBody | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined;
  const error = value.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (value as ApiErrorBody) : undefined;
}

function errorOf(status: number, text: string, response: Response): ApiError {
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML page): keep the text.
  }
  const parsed = apiErrorBody(body);
  const code = parsed?.error.code ?? `Http${status}`;
  const message =
    parsed?.error.message ?? (text.trim().slice(0, 300) || response.statusText || `HTTP ${status}`);
  // A recommendation is the one detail that adds to the message (the rest repeat it, item by item).
  const recommendations = (parsed?.error.details ?? [])
    .filter((detail) => detail.code === 'Recommendation')
    .map((detail) => `\n  recommendation: ${detail.message}`)
    .join('');
  return new ApiError(exitCodeOf(status), code, `error: ${code}: ${message}${recommendations}`, status, body);
}

/** 401/403 and 5xx: the service cannot be used (3); 409: refused (1); other 4xx: the request is wrong (2). */
export function exitCodeOf(status: number): CliError['exitCode'] {
  if (status === 401 || status === 403 || status >= 500 || status === 429) return exitCodes.unavailable;
  if (status === 409) return exitCodes.failed;
  return exitCodes.usage;
}

function connectionFailure(caught: unknown): { code: string; message: string; timedOut: boolean } {
  if (caught instanceof Error && (caught.name === 'TimeoutError' || caught.name === 'AbortError'))
    return { code: 'Timeout', message: caught.message, timedOut: true };
  // Node's fetch wraps the socket error as `cause` (an AggregateError when several addresses were tried).
  const cause =
    caught instanceof Error
      ? (caught.cause as { code?: unknown; message?: unknown; errors?: unknown[] } | undefined)
      : undefined;
  const first = Array.isArray(cause?.errors)
    ? (cause.errors[0] as { code?: unknown } | undefined)
    : undefined;
  const code =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof first?.code === 'string'
        ? first.code
        : 'Unreachable';
  const message =
    typeof cause?.message === 'string' && cause.message !== ''
      ? cause.message
      : caught instanceof Error
        ? caught.message
        : String(caught);
  return { code, message, timedOut: code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' };
}
