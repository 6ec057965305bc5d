/**
 * Who is calling and from where, as the Functions host passes it (App Service authentication headers) or
 * as a client states it. With AUTH_REQUIRED unset the dev host does not authenticate, so the caller is
 * whoever the headers say, or `anonymous`.
 */
import type { HttpRequest } from '@azure/functions';

export function callerOf(request: HttpRequest): string {
  return (
    request.headers.get('x-ms-client-principal-name') ??
    request.headers.get('x-ms-client-principal-id') ??
    request.headers.get('x-requested-by') ??
    'anonymous'
  );
}

export function originOf(request: HttpRequest): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? new URL(request.url).host;
}

/** The public base URL of this service as the caller reached it (honours the proxy headers). */
export function baseUrlOf(request: HttpRequest): string {
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = request.headers.get('x-forwarded-host') ?? url.host;
  return `${proto}://${host}`;
}

/** The subscription a request names (`?subscriptionId=`), or the default one. */
export function subscriptionOf(request: HttpRequest, defaultSubscriptionId: string): string {
  return request.query.get('subscriptionId')?.trim() || defaultSubscriptionId;
}
