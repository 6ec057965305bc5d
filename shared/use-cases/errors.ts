/**
 * Errors the use cases throw on purpose. Expected outcomes (a refusal, a failed validation) are values;
 * these are faults. A `TransientFault` asks the trigger to retry (Service Bus redelivers the message);
 * anything else thrown inside a phase's work fails the operation with a reason.
 */
export class TransientFault extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TransientFault';
    this.code = code;
  }
}

/** A failure that retrying the same message cannot fix; the operation fails with this code and message. */
export class OperationFault extends Error {
  readonly code: string;
  readonly httpStatusCode: number;
  constructor(code: string, message: string, httpStatusCode = 500) {
    super(message);
    this.name = 'OperationFault';
    this.code = code;
    this.httpStatusCode = httpStatusCode;
  }
}

/** Normalises anything caught into an Error. */
export function ensureError(value: unknown): Error {
  return value instanceof Error
    ? value
    : new Error(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Storage, network and broker faults that a retry may fix: throttling (429), timeouts (408), 5xx,
 * connection resets and the like. How each client reports them:
 * - `@azure/data-tables`, `@azure/storage-queue` (RestError): `statusCode`, or `code` REQUEST_SEND_ERROR
 *   when no response came;
 * - `@azure/service-bus` (ServiceBusError / MessagingError): `retryable`;
 * - `durable-functions` 3.5.0 (`signalEntity`, `readEntityState`): a plain `Error` whose message is
 *   "The operation failed with an unexpected status code: <status>. Details: …"
 *   (DurableClient.createGenericError), or axios's error with a socket `code` (ECONNRESET…) when the
 *   request failed; our gateway (adapters/durable) turns the first into an error with `statusCode`, and
 *   this function reads the message too in case another caller does not;
 * - `fetch` (undici): a TypeError whose `cause` carries the socket code.
 * Anything else (a bug, a 4xx other than 408/429, a schema mismatch) is permanent.
 */
export function isTransient(error: unknown): boolean {
  return classify(error, 0);
}

/** Socket and DNS codes of Node, undici and axios that mean "the request did not get through". */
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ESOCKETTIMEDOUT',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** The durable-functions client's text for an HTTP status it did not expect (see above). */
const durableStatusText = /unexpected status code: (\d{3})\b/;

/** An HTTP status a retry may get past: 408 Request Timeout, 429 Too Many Requests, any 5xx. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The HTTP status in a durable-functions client error message, if there is one. */
export function durableClientStatus(message: string): number | undefined {
  const match = durableStatusText.exec(message);
  return match ? Number(match[1]) : undefined;
}

function classify(error: unknown, depth: number): boolean {
  if (error instanceof TransientFault) return true;
  if (error instanceof OperationFault) return false;
  if (typeof error !== 'object' || error === null) return false;
  const fields = error as {
    statusCode?: unknown;
    status?: unknown;
    retryable?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : fields.status;
  if (typeof status === 'number' && status >= 100) return isTransientStatus(status);
  if (typeof fields.retryable === 'boolean') return fields.retryable;
  if (typeof fields.code === 'string' && transientCodes.has(fields.code)) return true;
  const fromMessage = typeof fields.message === 'string' ? durableClientStatus(fields.message) : undefined;
  if (fromMessage !== undefined) return isTransientStatus(fromMessage);
  // A wrapper (fetch's TypeError, an AggregateError) names the real fault in its cause; a short chain only.
  return depth < 3 && fields.cause !== undefined && classify(fields.cause, depth + 1);
}
