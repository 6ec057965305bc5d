/** Service Management requests for handler tests: a path under a subscription, its route params, a body. */
import { HttpRequest } from '@azure/functions';

export function smRequest(
  method: string,
  path: string,
  params: Record<string, string>,
  body?: string,
): HttpRequest {
  return new HttpRequest({
    method,
    url: `http://localhost${path}`,
    params,
    headers: {
      'x-ms-version': '2017-01-01',
      ...(body === undefined ? {} : { 'content-type': 'application/xml' }),
    },
    ...(body === undefined ? {} : { body: { string: body } }),
  });
}

/** The response body as text (handlers answer with strings). */
export function bodyText(response: { body?: unknown }): string {
  return typeof response.body === 'string' ? response.body : '';
}

/** A header of a response, whatever the casing the handler used. */
export function header(response: { headers?: unknown }, name: string): string | undefined {
  const headers = (response.headers ?? {}) as Record<string, string>;
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}
