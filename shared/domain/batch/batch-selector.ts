/** Which scopes of an estate a batch selector picks. Pure. */
import type { MigrationState } from '../migration/migration-state';
import type { ScopeKind } from '../scope/scope';
import type { ScopeSelector } from './batch-plan';

export interface SelectableScope {
  kind: ScopeKind;
  name: string;
  location?: string;
  state: MigrationState;
}

export function selectScopes<T extends SelectableScope>(scopes: readonly T[], selector: ScopeSelector): T[] {
  const name = selector.namePattern === undefined ? undefined : wildcard(selector.namePattern);
  const location = selector.location && normaliseLocation(selector.location);
  return scopes
    .filter(
      (scope) =>
        (selector.kind === undefined || scope.kind === selector.kind) &&
        (name === undefined || name.test(scope.name)) &&
        (location === undefined || normaliseLocation(scope.location ?? '') === location) &&
        (selector.state === undefined || scope.state === selector.state),
    )
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function wildcard(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** `West Europe`, `westeurope` and `WestEurope` are one region. */
function normaliseLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}
