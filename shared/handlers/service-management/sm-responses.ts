/**
 * Service Management responses as Azure wrote them (C3, C4, the C1 recording): XML bodies with
 * `Content-Type: application/xml; charset=utf-8`, every response carrying `x-ms-request-id` (32 lower-case
 * hex digits), 202/201 with an empty body, errors as `<Error xmlns="…windowsazure"><Code/><Message/></Error>`.
 */
import type { HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeError, type ServiceManagementError } from '../../adapters/service-management';
import type { IdGenerator } from '../../ports/clock.port';

export interface ServiceManagementErrorBody {
  httpStatus: number;
  code: string;
  message: string;
}

const xmlContentType = 'application/xml; charset=utf-8';

/** A new request id: a UUID's 32 hex digits, as Azure's `x-ms-request-id` values look. */
export function newRequestId(ids: IdGenerator): string {
  return ids.newId().replace(/-/g, '').toLowerCase();
}

export function xmlResponse(
  status: number,
  body: string,
  requestId: string,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return {
    status,
    body,
    headers: { 'content-type': xmlContentType, 'x-ms-request-id': requestId, ...headers },
  };
}

/** 201/202 (and other bodiless answers): no body, the request id to poll. */
export function emptyResponse(
  status: number,
  requestId: string,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return { status, headers: { 'x-ms-request-id': requestId, ...headers } };
}

export function errorResponse(error: ServiceManagementErrorBody, requestId: string): HttpResponseInit {
  return xmlResponse(error.httpStatus, serializeError(error), requestId);
}

/**
 * A request body the XML adapter refused (malformed, DTD, too large or deep, wrong document, missing or
 * invalid element): 400 `BadRequest` naming the element path and position where known. Azure's wording for
 * bad bodies is not public; ours says where and what.
 */
export function badDocumentResponse(error: ServiceManagementError, requestId: string): HttpResponseInit {
  const where = [
    error.path === undefined ? undefined : `at ${error.path}`,
    error.line === undefined ? undefined : `line ${error.line}`,
    error.column === undefined ? undefined : `column ${error.column}`,
  ].filter((part) => part !== undefined);
  const message = where.length > 0 ? `${error.message} (${where.join(', ')})` : error.message;
  return errorResponse({ httpStatus: 400, code: 'BadRequest', message }, requestId);
}

/**
 * Runs a handler; an unexpected failure becomes a 500 `InternalError` body with the request id instead of
 * an empty 500, and is logged with that id (our text).
 */
export async function answering(
  requestId: string,
  context: InvocationContext | undefined,
  run: () => Promise<HttpResponseInit>,
): Promise<HttpResponseInit> {
  try {
    return await run();
  } catch (error) {
    context?.error(`Service Management request ${requestId} failed`, error);
    return errorResponse(
      {
        httpStatus: 500,
        code: 'InternalError',
        message: 'The server encountered an internal error. Please retry the request.',
      },
      requestId,
    );
  }
}
