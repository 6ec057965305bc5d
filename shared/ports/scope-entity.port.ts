import type { ScopeCommand, ScopeEntityState } from '../domain/migration/scope-entity.reducer';

/**
 * The `migrationScope` Durable entity, as a non-orchestrator function sees it: it can only signal
 * (fire-and-forget; applied asynchronously, in order) and read (eventually consistent).
 */
export interface ScopeEntityGateway {
  signal(scopeKey: string, command: ScopeCommand): Promise<void>;
  read(scopeKey: string): Promise<ScopeEntityState | undefined>;
  /**
   * Waits `maxMs`, or less if the gateway learns sooner that the entity's state may have changed (a
   * reader polls with this in place of a plain pause). Without it, readers simply sleep.
   */
  changeOrTimeout?(scopeKey: string, maxMs: number): Promise<void>;
}
