/**
 * Where the page is, in the URL's hash (so a scope can be linked, and Back works): `#/` the scopes,
 * `#/virtualNetworks/Prod-VNet` one scope, `#/batches`, `#/import`. The subscription is the page's
 * `?subscriptionId=` query.
 */
import { type ScopeKindPath, scopeKindPaths } from './api/types';

export type Route =
  | { view: 'scopes'; scope?: { kindPath: ScopeKindPath; name: string } }
  | { view: 'batches' }
  | { view: 'import' };

export function parseRoute(hash: string): Route {
  const [first = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'batches') return { view: 'batches' };
  if (first === 'import') return { view: 'import' };
  if ((scopeKindPaths as readonly string[]).includes(first) && rest.length > 0) {
    return { view: 'scopes', scope: { kindPath: first as ScopeKindPath, name: safeDecode(rest.join('/')) } };
  }
  return { view: 'scopes' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
