/**
 * Migration scopes: the unit that is locked and migrated. Keyed per subscription; names compare
 * case-insensitively. Pure.
 */
import { z } from 'zod';

export const scopeKinds = [
  'virtualNetwork',
  'cloudService',
  'storageAccount',
  'reservedIp',
  'networkSecurityGroup',
  'routeTable',
] as const;
export const scopeKindSchema = z.enum(scopeKinds);
export type ScopeKind = z.infer<typeof scopeKindSchema>;

/** Scope kinds as they appear in API paths (`/api/migrations/{scopeKind}/{name}`). */
export const scopeKindPaths = {
  virtualNetwork: 'virtualNetworks',
  cloudService: 'cloudServices',
  storageAccount: 'storageAccounts',
  reservedIp: 'reservedIps',
  networkSecurityGroup: 'networkSecurityGroups',
  routeTable: 'routeTables',
} as const satisfies Record<ScopeKind, string>;
export type ScopeKindPath = (typeof scopeKindPaths)[ScopeKind];

/** The scope kind for a path segment, case-insensitively; undefined when unknown. */
export function scopeKindFromPath(segment: string): ScopeKind | undefined {
  const lower = segment.toLowerCase();
  return scopeKinds.find((kind) => scopeKindPaths[kind].toLowerCase() === lower);
}

export const scopeRefSchema = z.object({
  subscriptionId: z.string().min(1),
  kind: scopeKindSchema,
  name: z.string().min(1),
});
export type ScopeRef = z.infer<typeof scopeRefSchema>;

/**
 * The canonical key of a scope: safe as an Azure Table PartitionKey/RowKey, a Durable entity key, a
 * Service Bus session id and a URL path segment, and equal for every spelling of the same name.
 *
 * Hazard: Table keys reject `/ \ # ?` and control characters, Durable keeps keys case-sensitive, and
 * Classic names may hold spaces and quotes ("Group rg vnet", "\"my vnet quoted\""). So the name is
 * lower-cased and every character outside [a-z0-9.-] is written as `_` + its UTF-8 bytes in hex.
 */
export function scopeKey(scope: ScopeRef): string {
  return `${scope.subscriptionId.toLowerCase()}_${scope.kind}_${encodeKeyPart(scope.name)}`;
}

/** Encodes one part of a key (see {@link scopeKey}); reversible with {@link decodeKeyPart}. */
export function encodeKeyPart(value: string): string {
  let out = '';
  for (const ch of value.toLowerCase()) {
    if (/[a-z0-9.-]/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function decodeKeyPart(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const ch = encoded.charAt(i);
    if (ch === '_') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A readable label for logs and messages: `virtualNetwork 'Prod-VNet'`. */
export function describeScope(scope: Pick<ScopeRef, 'kind' | 'name'>): string {
  return `${scope.kind} '${scope.name}'`;
}
