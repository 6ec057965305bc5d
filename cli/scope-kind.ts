/**
 * Scope kinds as people type them on the command line. The API's path names (`virtualNetworks`) and the
 * model's names (`virtualNetwork`) are canonical; short forms people use for Azure resources (`vnet`, `cs`,
 * `nsg`…) are accepted too. Matching ignores case, as the API's own path matching does.
 */
import { type ScopeKind, type ScopeKindPath, scopeKindPaths, scopeKinds } from '../shared/domain/scope/scope';
import { usageError } from './exit-codes';

/** Short forms, beside the path and model names (lower case). */
const aliases: Readonly<Record<ScopeKind, readonly string[]>> = {
  virtualNetwork: ['vnet', 'vnets', 'virtualnetwork'],
  cloudService: ['cs', 'cloudservice', 'cloudservices'],
  storageAccount: ['storage', 'sa', 'storageaccount'],
  reservedIp: ['rip', 'reservedip', 'reservedips'],
  networkSecurityGroup: ['nsg', 'nsgs', 'networksecuritygroup'],
  routeTable: ['rt', 'routetable', 'routetables'],
};

const byName = new Map<string, ScopeKind>();
for (const kind of scopeKinds) {
  for (const name of [kind, scopeKindPaths[kind], ...aliases[kind]]) byName.set(name.toLowerCase(), kind);
}

/** The scope kind a user typed, or undefined when it is none. */
export function scopeKindOf(input: string): ScopeKind | undefined {
  return byName.get(input.trim().toLowerCase());
}

/** The API path segment (`virtualNetworks`) for what a user typed; a usage error (exit 2) when unknown. */
export function scopeKindPath(input: string): ScopeKindPath {
  const kind = scopeKindOf(input);
  if (kind === undefined) {
    throw usageError(
      `'${input}' is not a scope kind. Use ${Object.values(scopeKindPaths).join(', ')} (or vnet, cs, storage, rip, nsg, rt).`,
    );
  }
  return scopeKindPaths[kind];
}

/** `virtualNetworks/Prod-VNet`, URL-encoded, for the API's `/{kind}/{name}` paths. */
export function scopePath(kindInput: string, name: string): string {
  if (name.trim() === '') throw usageError('the scope name is empty.');
  return `${scopeKindPath(kindInput)}/${encodeURIComponent(name)}`;
}
