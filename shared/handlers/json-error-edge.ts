/**
 * The JSON API's one error edge: whatever a handler throws becomes `{ error: { code, message } }` with a
 * status that says what to do, never a bare 500.
 *
 * - A transient fault (storage or Service Bus unreachable, throttled or timing out, an entity decision
 *   that did not come in time) → 503 `ServiceUnavailable` with `Retry-After`: the request may be sent
 *   again as it is (starting an operation is idempotent with an `Idempotency-Key` or `operationId`).
 * - Anything else → 500 `InternalServerError` with an error id that is also in the log.
 */
import type { HttpResponseInit, InvocationContext } from '@azure/functions';

import { ensureError, isTransient } from '../use-cases/errors';
import { jsonError } from './http-responses';

/** Seconds a client should wait before retrying after a transient fault (our choice). */
export const retryAfterSeconds = 5;

export async function withJsonErrors(
  context: Pick<InvocationContext, 'error' | 'invocationId'> | undefined,
  handle: () => Promise<HttpResponseInit>,
): Promise<HttpResponseInit> {
  try {
    return await handle();
  } catch (caught) {
    const error = ensureError(caught);
    const errorId = context?.invocationId ?? crypto.randomUUID();
    context?.error(`Request failed (error id ${errorId}): ${error.stack ?? error.message}`);
    if (isTransient(error)) {
      const response = jsonError(
        503,
        'ServiceUnavailable',
        `The service could not reach its storage or queues (${error.message}). Retry in ${retryAfterSeconds} seconds; the request is safe to send again (error id ${errorId}).`,
      );
      return { ...response, headers: { ...response.headers, 'retry-after': String(retryAfterSeconds) } };
    }
    return jsonError(
      500,
      'InternalServerError',
      `The service failed to answer (error id ${errorId}). Retry later; if it keeps failing, report the error id.`,
    );
  }
}
