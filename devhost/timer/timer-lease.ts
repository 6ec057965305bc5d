/**
 * Single-instance guarantee for timers: only the holder of a lease row runs a given timer function, as Azure
 * runs each timer on one instance under a blob lease. The row lives in an Azurite table and is taken or
 * renewed under its ETag; a holder that dies loses it when the lease runs out.
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';

import {
  isConcurrencyConflict,
  storageStatus,
} from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey } from '../../shared/adapters/local-service-bus/storage-names';

export const timerTable = 'DevHostTimers';
export const leaseDurationMs = 15_000;

const leaseRowSchema = z.object({ etag: z.string(), owner: z.string(), leaseUntil: z.number() });

export class TimerLease {
  readonly #table: TableClient;
  readonly #rowKey: string;
  readonly #owner: string;

  constructor(table: TableClient, functionName: string, owner: string) {
    this.#table = table;
    this.#rowKey = encodeKey(functionName);
    this.#owner = owner;
  }

  /** Takes or renews the lease; true while this process holds it. */
  async tryHold(): Promise<boolean> {
    const row = {
      partitionKey: 'lease',
      rowKey: this.#rowKey,
      owner: this.#owner,
      leaseUntil: Date.now() + leaseDurationMs,
    };
    try {
      let existing;
      try {
        existing = leaseRowSchema.parse(await this.#table.getEntity('lease', this.#rowKey));
      } catch (error) {
        if (storageStatus(error) !== 404) throw error;
      }
      if (!existing) {
        await this.#table.createEntity(row);
        return true;
      }
      if (existing.owner !== this.#owner && existing.leaseUntil > Date.now()) return false;
      await this.#table.updateEntity(row, 'Replace', { etag: existing.etag });
      return true;
    } catch (error) {
      if (isConcurrencyConflict(error)) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    try {
      const existing = leaseRowSchema.parse(await this.#table.getEntity('lease', this.#rowKey));
      if (existing.owner === this.#owner)
        await this.#table.deleteEntity('lease', this.#rowKey, { etag: existing.etag });
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
    }
  }
}
