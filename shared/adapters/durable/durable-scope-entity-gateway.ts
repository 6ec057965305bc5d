/**
 * The `migrationScope` entity through a DurableClient: signal (fire-and-forget) and read (eventually
 * consistent), the only two things a non-orchestrator function can do with an entity.
 */
import * as df from 'durable-functions';

import { migrationScopeEntity } from '../../contracts/names';
import {
  type ScopeCommand,
  type ScopeEntityState,
  scopeEntityStateSchema,
} from '../../domain/migration/scope-entity.reducer';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';

export class DurableScopeEntityGateway implements ScopeEntityGateway {
  readonly #client: df.DurableClient;

  constructor(client: df.DurableClient) {
    this.#client = client;
  }

  async signal(scopeKey: string, command: ScopeCommand): Promise<void> {
    await this.#client.signalEntity(new df.EntityId(migrationScopeEntity, scopeKey), command.type, command);
  }

  async read(scopeKey: string): Promise<ScopeEntityState | undefined> {
    const response = await this.#client.readEntityState<unknown>(
      new df.EntityId(migrationScopeEntity, scopeKey),
    );
    return response.entityExists ? scopeEntityStateSchema.parse(response.entityState) : undefined;
  }
}
