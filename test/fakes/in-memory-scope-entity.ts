/**
 * The `migrationScope` entity in memory: signals are applied at once with the real reducer, and tests can
 * put a scope in any state (transitional ones included) without running a phase.
 */
import type { MigrationState } from '../../shared/domain/migration/migration-state';
import {
  initialScopeEntityState,
  reduceScope,
  type ScopeCommand,
  type ScopeEntityState,
} from '../../shared/domain/migration/scope-entity.reducer';
import type { ScopeEntityGateway } from '../../shared/ports/scope-entity.port';

export class InMemoryScopeEntity implements ScopeEntityGateway {
  readonly states = new Map<string, ScopeEntityState>();

  signal(scopeKey: string, command: ScopeCommand): Promise<void> {
    const current = this.states.get(scopeKey) ?? initialScopeEntityState;
    this.states.set(scopeKey, reduceScope(current, command).state);
    return Promise.resolve();
  }

  read(scopeKey: string): Promise<ScopeEntityState | undefined> {
    return Promise.resolve(this.states.get(scopeKey));
  }

  /** Puts the scope in `state`, as if its operations had brought it there. */
  setState(scopeKey: string, state: MigrationState): void {
    this.states.set(scopeKey, { ...initialScopeEntityState, state, revision: 1 });
  }
}
