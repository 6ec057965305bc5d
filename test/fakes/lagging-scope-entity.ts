/**
 * A `migrationScope` entity whose signals wait until the test lets them through (`deliver()`), as a host
 * that is slow or stalled would make them: reads return the state as it was. Built on the in-memory entity
 * (the real reducer).
 */
import type { ScopeCommand } from '../../shared/domain/migration/scope-entity.reducer';
import { InMemoryScopeEntity } from './in-memory-scope-entity';

export class LaggingScopeEntity extends InMemoryScopeEntity {
  readonly waiting: { scopeKey: string; command: ScopeCommand }[] = [];

  override signal(scopeKey: string, command: ScopeCommand): Promise<void> {
    this.waiting.push({ scopeKey, command });
    return Promise.resolve();
  }

  /** Applies every waiting signal, in order. */
  async deliver(): Promise<void> {
    for (const { scopeKey, command } of this.waiting.splice(0)) await super.signal(scopeKey, command);
  }
}
