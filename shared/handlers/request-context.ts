/**
 * Who is calling and from where. With AUTH_REQUIRED the caller is the verified token's principal, which the
 * authorisation edge (`auth/authorized.ts`) remembers for the request; headers are never believed then.
 * With auth off the caller is whoever the headers say (App Service authentication headers, or a client's
 * `x-requested-by`), or `anonymous`.
 */
import type { HttpRequest } from '@azure/functions';

const verifiedCallers = new WeakMap<HttpRequest, string>();

/** Records who the authorisation edge let in (the token's principal, or the claimed caller with auth off). */
export function rememberCaller(request: HttpRequest, caller: string): void {
  verifiedCallers.set(request, caller);
}

export function callerOf(request: HttpRequest): string {
  return verifiedCallers.get(request) ?? claimedCallerOf(request);
}

/** Who the request says it is: only ever used with auth off. */
export function claimedCallerOf(request: HttpRequest): string {
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
