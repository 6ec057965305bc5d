/**
 * The `migrationScope` entity through a DurableClient: signal (fire-and-forget) and read (eventually
 * consistent), the only two things a non-orchestrator function can do with an entity.
 *
 * Failures: durable-functions 3.5.0 rejects an unexpected HTTP status with a plain `Error` whose message
 * holds the status (DurableClient.createGenericError); that error is re-thrown as an `EntityClientError`
 * carrying `statusCode`, so the use cases' `isTransient` tells a throttled or failing host (408, 429, 5xx:
 * retry) from a refused request (other 4xx: permanent). Socket errors (ECONNRESET…) pass through as axios
 * raised them, with their `code`.
 */
import * as df from 'durable-functions';

import { migrationScopeEntity } from '../../contracts/names';
import {
  type ScopeCommand,
  type ScopeEntityState,
  scopeEntityStateSchema,
} from '../../domain/migration/scope-entity.reducer';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { entityChangeOrTimeout } from './entity-change-notices';

/** A durable client call that got an HTTP status it did not expect. */
export class EntityClientError extends Error {
  readonly statusCode: number;
  constructor(message: string, statusCode: number, cause: unknown) {
    super(message, { cause });
    this.name = 'EntityClientError';
    this.statusCode = statusCode;
  }
}

export class DurableScopeEntityGateway implements ScopeEntityGateway {
  readonly #client: df.DurableClient;

  constructor(client: df.DurableClient) {
    this.#client = client;
  }

  async signal(scopeKey: string, command: ScopeCommand): Promise<void> {
    await withStatus(`signal ${command.type} to ${scopeKey}`, () =>
      this.#client.signalEntity(new df.EntityId(migrationScopeEntity, scopeKey), command.type, command),
    );
  }

  async read(scopeKey: string): Promise<ScopeEntityState | undefined> {
    const response = await withStatus(`read ${scopeKey}`, () =>
      this.#client.readEntityState<unknown>(new df.EntityId(migrationScopeEntity, scopeKey)),
    );
    return response.entityExists ? scopeEntityStateSchema.parse(response.entityState) : undefined;
  }

  /** The pause between two reads, cut short when this process writes the entity (the dev host only). */
  changeOrTimeout(scopeKey: string, maxMs: number): Promise<void> {
    return entityChangeOrTimeout(migrationScopeEntity, scopeKey, maxMs);
  }
}

/** DurableClient.createGenericError's text: "…unexpected status code: 503. Details: …". */
const unexpectedStatus = /unexpected status code: (\d{3})\b/;

async function withStatus<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = unexpectedStatus.exec(message)?.[1];
    if (status === undefined) throw error;
    throw new EntityClientError(`Entity ${what} failed: ${message}`, Number(status), error);
  }
}
