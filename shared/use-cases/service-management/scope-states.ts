/**
 * The MigrationState of the scopes covering some Classic resources, read from their `migrationScope`
 * entities (the single source of truth, transitional states included). A scope that never had an
 * operation has no entity and no state: it is unlocked and its resources show no `MigrationState`.
 *
 * Hazard: entity reads are eventually consistent. A phase marks its operation finished only once the
 * entity shows the outcome, so a client that saw its operation finish reads the new state here.
 */
import { forEachLimit } from '../../domain/concurrency';
import type { MigrationState } from '../../domain/migration/migration-state';
import { type ScopeTarget, scopeTargetKey } from '../../domain/scope/covering-scope';
import { scopeKey } from '../../domain/scope/scope';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';

export type ScopeStateLookup = (target: ScopeTarget) => MigrationState | undefined;

/** Reads at most this many entities at once (a VNet listing may name hundreds). */
const concurrentReads = 16;

export async function readScopeStates(
  entity: ScopeEntityGateway,
  subscriptionId: string,
  targets: readonly ScopeTarget[],
): Promise<ScopeStateLookup> {
  const unique = new Map(targets.map((target) => [scopeTargetKey(target), target]));
  const states = new Map<string, MigrationState>();
  await forEachLimit([...unique.entries()], concurrentReads, async ([key, target]) => {
    const state = await entity.read(scopeKey({ subscriptionId, ...target }));
    if (state) states.set(key, state.state);
  });
  return (target) => states.get(scopeTargetKey(target));
}
