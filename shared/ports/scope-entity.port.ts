import type { ScopeCommand, ScopeEntityState } from '../domain/migration/scope-entity.reducer';

/**
 * The `migrationScope` Durable entity, as a non-orchestrator function sees it: it can only signal
 * (fire-and-forget; applied asynchronously, in order) and read (eventually consistent).
 */
export interface ScopeEntityGateway {
  signal(scopeKey: string, command: ScopeCommand): Promise<void>;
  read(scopeKey: string): Promise<ScopeEntityState | undefined>;
}
