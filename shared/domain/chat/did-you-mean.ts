/**
 * "Did you mean …?" for a scope name that does not exist: the closest names of the subscription's scopes,
 * the same kind first. Close means an edit distance of at most a third of the name (at least 2), or one
 * name containing the other, case-insensitively (our choice). Pure.
 */
import type { ScopeKind } from '../scope/scope';

export interface NamedScope {
  kind: ScopeKind;
  name: string;
}

/** Levenshtein distance (insertions, deletions, substitutions), in O(|a|·|b|) time and O(|b|) space. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function suggestScopes(wanted: NamedScope, scopes: readonly NamedScope[], limit = 3): NamedScope[] {
  const target = wanted.name.toLowerCase();
  const tolerance = Math.max(2, Math.floor(target.length / 3));
  return scopes
    .map((scope) => {
      const name = scope.name.toLowerCase();
      const distance = editDistance(target, name);
      const contains = name.includes(target) || target.includes(name);
      return { scope, distance, close: distance <= tolerance || (contains && target.length >= 3) };
    })
    .filter((candidate) => candidate.close)
    .sort(
      (a, b) =>
        Number(b.scope.kind === wanted.kind) - Number(a.scope.kind === wanted.kind) ||
        a.distance - b.distance ||
        a.scope.name.localeCompare(b.scope.name),
    )
    .slice(0, limit)
    .map((candidate) => candidate.scope);
}
