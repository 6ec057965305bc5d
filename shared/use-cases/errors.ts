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

/** Storage and network faults that a retry may fix (throttling, timeouts, 5xx, connection resets). */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransientFault) return true;
  if (error instanceof OperationFault) return false;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') return status === 408 || status === 429 || status >= 500;
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    typeof code === 'string' &&
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|REQUEST_SEND_ERROR)$/.test(code)
  );
}
