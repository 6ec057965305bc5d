/** Small text helpers for replies: commands as users type them, scope labels, durations. Pure. */
import type { MigrationOperation } from '../migration/migration-state';
import type { ScopeKind } from '../scope/scope';
import { scopeKindAliases } from './scope-kind-words';

export interface TargetLike {
  kind: ScopeKind;
  name: string;
}

/** A name as it must be typed: quoted when it holds spaces (names that carry their own quotes stay as they are). */
export function typedName(name: string): string {
  if (/^".*"$/.test(name) || !/\s/.test(name)) return name;
  return `"${name.replace(/"/g, '\\"')}"`;
}

/** `prepare vnet Prod-VNet`. */
export function commandText(verb: MigrationOperation | 'status' | 'plan', target: TargetLike): string {
  return `${verb} ${scopeKindAliases[target.kind]} ${typedName(target.name)}`;
}

/** `vnet Prod-VNet` as a label. */
export function targetLabel(target: TargetLike): string {
  return `${scopeKindAliases[target.kind]} ${target.name}`;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `Prepare`. */
export function operationTitle(operation: string): string {
  return capitalised(operation);
}

/** `45 s`, `12 min`, `1 h 5 min`. */
export function formatDuration(seconds: number): string {
  const rounded = Math.max(0, Math.round(seconds));
  if (rounded < 90) return `${rounded} s`;
  const minutes = Math.round(rounded / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `2 cloud services`, `1 VM`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
