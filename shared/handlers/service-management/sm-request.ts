/** Reading Service Management requests: the subscription in the path, the body as bytes, flags. */
import type { HttpRequest } from '@azure/functions';

/** The `{subscriptionId}` every Service Management path starts with. */
export function subscriptionIdOf(request: HttpRequest): string {
  return request.params.subscriptionId ?? '';
}

/** The raw body: the XML readers take bytes (and cope with a byte order mark). */
export async function bodyBytes(request: HttpRequest): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer());
}

/** A query flag compared case-insensitively (`embed-detail=true`, `detaillevel=Full`). */
export function queryEquals(request: HttpRequest, name: string, value: string): boolean {
  for (const [key, actual] of request.query.entries()) {
    if (key.toLowerCase() === name.toLowerCase() && actual.toLowerCase() === value.toLowerCase()) return true;
  }
  return false;
}

/** A query value by case-insensitive name. */
export function queryValue(request: HttpRequest, name: string): string | undefined {
  for (const [key, actual] of request.query.entries()) {
    if (key.toLowerCase() === name.toLowerCase()) return actual;
  }
  return undefined;
}
