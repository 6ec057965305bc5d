/**
 * Session locks shared by every worker process: one row per (entity, session) in an Azurite table, taken with
 * create-if-absent or an ETag-guarded takeover of an expired lock, renewed under the ETag, deleted on release.
 * Whoever loses an ETag race does not hold the session; a holder whose renewal fails has lost it (another
 * receiver took it over after it expired) and must stop settling messages. Each held lock also knows when it
 * expires (`expiresAt`), for receivers that treat an expired lock as lost before anyone takes it over (the
 * Azure-like mode, see session-receiver.ts).
 */
import { randomUUID } from 'node:crypto';

import { TableClient } from '@azure/data-tables';

import { parseLockRow } from '../../shared/adapters/local-service-bus/session-store';
import {
  isConcurrencyConflict,
  storageStatus,
} from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey, entityPartitionKey } from '../../shared/adapters/local-service-bus/storage-names';

export class HeldSessionLock {
  readonly sessionId: string;
  readonly lockToken: string;
  readonly #table: TableClient;
  readonly #partitionKey: string;
  readonly #rowKey: string;
  readonly #owner: string;
  readonly #durationMs: number;
  #etag: string;
  #lost = false;
  #expiresAt: number;

  constructor(
    table: TableClient,
    keys: { partitionKey: string; rowKey: string; sessionId: string },
    owner: string,
    lockToken: string,
    durationMs: number,
    etag: string,
    expiresAt: number,
  ) {
    this.#table = table;
    this.#partitionKey = keys.partitionKey;
    this.#rowKey = keys.rowKey;
    this.sessionId = keys.sessionId;
    this.#owner = owner;
    this.lockToken = lockToken;
    this.#durationMs = durationMs;
    this.#etag = etag;
    this.#expiresAt = expiresAt;
  }

  /** When the lock runs out unless renewed (epoch ms). */
  get expiresAt(): number {
    return this.#expiresAt;
  }

  get lost(): boolean {
    return this.#lost;
  }

  /** Extends the lock by its duration; marks it lost (and throws) if someone else took it over. */
  async renew(): Promise<void> {
    try {
      const lockedUntil = Date.now() + this.#durationMs;
      const result = await this.#table.updateEntity(
        {
          partitionKey: this.#partitionKey,
          rowKey: this.#rowKey,
          lockToken: this.lockToken,
          owner: this.#owner,
          lockedUntil,
        },
        'Replace',
        { etag: this.#etag },
      );
      this.#etag = result.etag ?? this.#etag;
      this.#expiresAt = lockedUntil;
    } catch (error) {
      if (isConcurrencyConflict(error)) this.#lost = true;
      throw error;
    }
  }

  async release(): Promise<void> {
    if (this.#lost) return;
    try {
      await this.#table.deleteEntity(this.#partitionKey, this.#rowKey, { etag: this.#etag });
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
    }
    this.#lost = true;
  }
}

export class SessionLocks {
  readonly #table: TableClient;
  readonly #owner: string;

  /** `owner` names the holder in the row (worker and receiver), for whoever inspects the table. */
  constructor(table: TableClient, owner: string) {
    this.#table = table;
    this.#owner = owner;
  }

  /** The lock, or undefined if another live receiver holds the session. */
  async tryAcquire(
    entityPath: string,
    sessionId: string,
    durationMs: number,
  ): Promise<HeldSessionLock | undefined> {
    const keys = { partitionKey: entityPartitionKey(entityPath), rowKey: encodeKey(sessionId), sessionId };
    const lockToken = randomUUID();
    const row = { partitionKey: keys.partitionKey, rowKey: keys.rowKey, lockToken, owner: this.#owner };
    let existing;
    try {
      existing = parseLockRow(await this.#table.getEntity(keys.partitionKey, keys.rowKey));
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    try {
      if (existing === undefined) {
        const lockedUntil = Date.now() + durationMs;
        const created = await this.#table.createEntity({ ...row, lockedUntil });
        return new HeldSessionLock(
          this.#table,
          keys,
          this.#owner,
          lockToken,
          durationMs,
          created.etag ?? '*',
          lockedUntil,
        );
      }
      if (existing.lockedUntil > Date.now()) return undefined;
      const lockedUntil = Date.now() + durationMs;
      const updated = await this.#table.updateEntity({ ...row, lockedUntil }, 'Replace', {
        etag: existing.etag,
      });
      return new HeldSessionLock(
        this.#table,
        keys,
        this.#owner,
        lockToken,
        durationMs,
        updated.etag ?? '*',
        lockedUntil,
      );
    } catch (error) {
      if (isConcurrencyConflict(error)) return undefined;
      throw error;
    }
  }
}
