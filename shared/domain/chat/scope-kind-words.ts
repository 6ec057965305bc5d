/**
 * Scope kinds as people type them in chat: the API path names (`virtualNetworks`), the model names
 * (`virtualNetwork`) and short aliases (`vnet`, `cs`, `storage`, `rip`, `nsg`, `rt`), case-insensitively.
 * The aliases are our choice. Pure.
 */
import { type ScopeKind, scopeKindFromPath, scopeKinds } from '../scope/scope';

/** The short alias of each kind; replies write commands with it (`prepare vnet Prod-VNet`). */
export const scopeKindAliases = {
  virtualNetwork: 'vnet',
  cloudService: 'cs',
  storageAccount: 'storage',
  reservedIp: 'rip',
  networkSecurityGroup: 'nsg',
  routeTable: 'rt',
} as const satisfies Record<ScopeKind, string>;

/** The scope kind a word names, or undefined. */
export function scopeKindOfWord(word: string): ScopeKind | undefined {
  const lower = word.toLowerCase();
  return (
    scopeKinds.find((kind) => scopeKindAliases[kind] === lower) ??
    scopeKindFromPath(lower) ??
    scopeKinds.find((kind) => kind.toLowerCase() === lower)
  );
}

/** Every word that names a kind, for help texts. */
export function kindWordsHelp(): string {
  return scopeKinds.map((kind) => `\`${scopeKindAliases[kind]}\` (${kind})`).join(', ');
}
