/**
 * Durable entity state in an Azurite table, one row per entity, written only under its ETag (If-Match), so a
 * worker that lost its session lock can never overwrite a newer state. The state JSON is split over
 * `state0..n` properties (a row holds up to 1 MB). Besides the state the row keeps:
 * - `appliedSignalIds`: the ids of recently applied signals, so a signal redelivered after a crash (state
 *   written, signal not yet completed) is not applied twice;
 * - `outbox`: the signals the last batch emitted, re-sent when such a redelivery shows the previous run may
 *   have died before sending them (receivers drop the copies by messageId).
 * In the Azure-like mode (config/fidelity-options.ts) the row also keeps `visibleAt` (when readers may see
 * this state; earlier versions are in entity-versions.ts) and `sentTo` (the last delivery time of a signal
 * this entity sent to each target, so its later signals to that target are never delivered before it).
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
  /** Azure-like mode: not delivered before this time (epoch ms); kept so a re-send keeps its place. */
  notBefore: z.number().optional(),
});
export type PendingSignal = z.infer<typeof pendingSignalSchema>;

const rowSchema = z.looseObject({
  etag: z.string(),
  exists: z.boolean(),
  stateChunks: z.number().int().nonnegative(),
  appliedSignalIds: z.string(),
  outbox: z.string(),
  visibleAt: z.number().optional(),
  sentTo: z.string().optional(),
});

export interface EntityRecord {
  etag: string | undefined;
  exists: boolean;
  /** JSON text of the state, when it exists. */
  state: string | undefined;
  appliedSignalIds: string[];
  outbox: PendingSignal[];
  /** Azure-like mode: when readers may see this state (epoch ms); undefined means at once. */
  visibleAt?: number | undefined;
  /** Azure-like mode: target scheduler id → `notBefore` of the last signal sent to it. */
  sentTo?: Record<string, number> | undefined;
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
      return {
        etag: row.etag,
        exists: row.exists,
        state: row.exists ? joinStateChunks(row, row.stateChunks) : undefined,
        appliedSignalIds: z.array(z.string()).parse(JSON.parse(row.appliedSignalIds)),
        outbox: z.array(pendingSignalSchema).parse(JSON.parse(row.outbox)),
        ...(row.visibleAt === undefined ? {} : { visibleAt: row.visibleAt }),
        ...(row.sentTo === undefined ? {} : { sentTo: sentToSchema.parse(JSON.parse(row.sentTo)) }),
      };
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
      return { etag: undefined, exists: false, state: undefined, appliedSignalIds: [], outbox: [] };
    }
  }

  /** Writes the next record under the previous one's ETag; throws 412/409 if someone else wrote meanwhile. */
  async write(entity: EntityRef, previous: EntityRecord, next: Omit<EntityRecord, 'etag'>): Promise<void> {
    const chunks = splitStateChunks(next.exists ? next.state : undefined);
    const row = {
      partitionKey: encodeKey(entity.name),
      rowKey: encodeKey(entity.key),
      exists: next.exists,
      stateChunks: Object.keys(chunks).length,
      ...chunks,
      appliedSignalIds: JSON.stringify(next.appliedSignalIds.slice(-appliedIdsKept)),
      outbox: JSON.stringify(next.outbox),
      lastModifiedTime: new Date().toISOString(),
      ...(next.visibleAt === undefined ? {} : { visibleAt: next.visibleAt }),
      ...(next.sentTo === undefined ? {} : { sentTo: JSON.stringify(next.sentTo) }),
    };
    if (previous.etag === undefined) await this.#table.createEntity(row);
    else await this.#table.updateEntity(row, 'Replace', { etag: previous.etag });
  }
}

const sentToSchema = z.record(z.string(), z.number());

/** The state JSON as `state0..n` properties (a Table string property holds at most 32K characters). */
export function splitStateChunks(state: string | undefined): Record<string, string> {
  const text = state ?? '';
  const chunks: Record<string, string> = {};
  for (let index = 0; index * stateChunkChars < text.length; index++) {
    chunks[`state${index}`] = text.slice(index * stateChunkChars, (index + 1) * stateChunkChars);
  }
  return chunks;
}

/** The state JSON back from `count` chunk properties of a row; undefined when there are none. */
export function joinStateChunks(row: Record<string, unknown>, count: number): string | undefined {
  const chunks = Array.from({ length: count }, (_, index) => z.string().parse(row[`state${index}`]));
  return chunks.length > 0 ? chunks.join('') : undefined;
}
