/**
 * Durable entity state in an Azurite table, one row per entity, written only under its ETag (If-Match), so a
 * worker that lost its session lock can never overwrite a newer state. The state JSON is split over
 * `state0..n` properties (a row holds up to 1 MB). Besides the state the row keeps:
 * - `appliedSignalIds`: the ids of recently applied signals, so a signal redelivered after a crash (state
 *   written, signal not yet completed) is not applied twice;
 * - `outbox`: the signals the last batch emitted, re-sent when such a redelivery shows the previous run may
 *   have died before sending them (receivers drop the copies by messageId).
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { storageStatus } from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey } from '../../shared/adapters/local-service-bus/storage-names';
import { EntityRef } from './entity-id';

export const entityTable = 'DevHostEntities';
/**
 * Only the signals of the last unsettled batch can come back, plus what is left of the one before if a
 * crash hit while its messages were being completed: a few batches' worth of ids is plenty. (A Table string
 * property holds at most 32K characters, so this list must stay short.)
 */
const appliedIdsKept = 200;
/** Table string properties hold at most 64 KiB (32K UTF-16 characters); state is split across several. */
const stateChunkChars = 30_000;

export const pendingSignalSchema = z.object({
  messageId: z.string(),
  entityName: z.string(),
  entityKey: z.string(),
  operation: z.string(),
  /** The operation input as JSON text, as the runner expects it. */
  input: z.string().optional(),
});
export type PendingSignal = z.infer<typeof pendingSignalSchema>;

const rowSchema = z.looseObject({
  etag: z.string(),
  exists: z.boolean(),
  stateChunks: z.number().int().nonnegative(),
  appliedSignalIds: z.string(),
  outbox: z.string(),
});

export interface EntityRecord {
  etag: string | undefined;
  exists: boolean;
  /** JSON text of the state, when it exists. */
  state: string | undefined;
  appliedSignalIds: string[];
  outbox: PendingSignal[];
}

export class EntityStore {
  readonly #table: TableClient;

  constructor(table: TableClient) {
    this.#table = table;
  }

  async read(entity: EntityRef): Promise<EntityRecord> {
    try {
      const raw = await this.#table.getEntity(encodeKey(entity.name), encodeKey(entity.key));
      const row = rowSchema.parse(raw);
      const chunks = Array.from({ length: row.stateChunks }, (_, index) =>
        z.string().parse(row[`state${index}`]),
      );
      return {
        etag: row.etag,
        exists: row.exists,
        state: row.exists && chunks.length > 0 ? chunks.join('') : undefined,
        appliedSignalIds: z.array(z.string()).parse(JSON.parse(row.appliedSignalIds)),
        outbox: z.array(pendingSignalSchema).parse(JSON.parse(row.outbox)),
      };
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
      return { etag: undefined, exists: false, state: undefined, appliedSignalIds: [], outbox: [] };
    }
  }

  /** Writes the next record under the previous one's ETag; throws 412/409 if someone else wrote meanwhile. */
  async write(entity: EntityRef, previous: EntityRecord, next: Omit<EntityRecord, 'etag'>): Promise<void> {
    const state = next.exists ? (next.state ?? '') : '';
    const chunks: Record<string, string> = {};
    for (let index = 0; index * stateChunkChars < state.length; index++) {
      chunks[`state${index}`] = state.slice(index * stateChunkChars, (index + 1) * stateChunkChars);
    }
    const row = {
      partitionKey: encodeKey(entity.name),
      rowKey: encodeKey(entity.key),
      exists: next.exists,
      stateChunks: Object.keys(chunks).length,
      ...chunks,
      appliedSignalIds: JSON.stringify(next.appliedSignalIds.slice(-appliedIdsKept)),
      outbox: JSON.stringify(next.outbox),
      lastModifiedTime: new Date().toISOString(),
    };
    if (previous.etag === undefined) await this.#table.createEntity(row);
    else await this.#table.updateEntity(row, 'Replace', { etag: previous.etag });
  }
}
