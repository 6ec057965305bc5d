/**
 * Earlier entity states for stale reads (Azure-like mode only). Microsoft: an entity state query returns
 * "the entity's most recently persisted state … it's possible that this state is stale"
 * (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-entities, "Access entities").
 *
 * Each state write draws when the new state becomes readable (`visibleAt`, never before the previous one's,
 * so reads never go backwards); until then readers get the state it replaced. That replaced state is kept
 * here, one row per version, valid for reads in [visibleAt, supersededAt). Rows no read can need any more
 * (superseded in the past) are pruned on the next write of the entity.
 */
import { odata, TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { storageStatus } from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey } from '../../shared/adapters/local-service-bus/storage-names';
import { EntityRef } from './entity-id';
import { joinStateChunks, splitStateChunks } from './entity-store';

export const entityVersionsTable = 'DevHostEntityVersions';

export interface EntityVersion {
  exists: boolean;
  state: string | undefined;
}

const versionRowSchema = z.looseObject({
  partitionKey: z.string(),
  rowKey: z.string(),
  exists: z.boolean(),
  stateChunks: z.number().int().nonnegative(),
  visibleAt: z.number(),
  supersededAt: z.number(),
});

export class EntityVersions {
  readonly #table: TableClient;

  constructor(table: TableClient) {
    this.#table = table;
  }

  /** Keeps `version` (readable from `visibleAt`) as what readers get until `supersededAt`. */
  async remember(
    entity: EntityRef,
    version: EntityVersion,
    visibleAt: number,
    supersededAt: number,
  ): Promise<void> {
    const chunks = splitStateChunks(version.exists ? version.state : undefined);
    await this.#table.upsertEntity(
      {
        partitionKey: partitionKeyOf(entity),
        // Time-ordered; the superseding time tells two versions with one visibleAt apart.
        rowKey: `${pad(visibleAt)}-${pad(supersededAt)}`,
        exists: version.exists,
        stateChunks: Object.keys(chunks).length,
        ...chunks,
        visibleAt,
        supersededAt,
      },
      'Replace',
    );
  }

  /** The version readers see at `at`, if one is kept (undefined: the current state is the one). */
  async asOf(entity: EntityRef, at: number): Promise<EntityVersion | undefined> {
    let best: z.infer<typeof versionRowSchema> | undefined;
    try {
      const rows = this.#table.listEntities({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKeyOf(entity)} and visibleAt le ${at} and supersededAt gt ${at}`,
        },
      });
      for await (const raw of rows) {
        const row = versionRowSchema.parse(raw);
        // A write that lost its ETag race may have left a row too; the latest visible one is the answer.
        if (!best || row.visibleAt > best.visibleAt) best = row;
      }
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    if (!best) return undefined;
    return { exists: best.exists, state: best.exists ? joinStateChunks(best, best.stateChunks) : undefined };
  }

  /** Deletes the versions no read can need any more: superseded before `now`. */
  async prune(entity: EntityRef, now: number): Promise<void> {
    const rows = this.#table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKeyOf(entity)} and supersededAt le ${now}`,
        select: ['PartitionKey', 'RowKey'],
      },
    });
    for await (const row of rows) {
      try {
        await this.#table.deleteEntity(String(row.partitionKey), String(row.rowKey));
      } catch (error) {
        if (storageStatus(error) !== 404) throw error;
      }
    }
  }
}

function partitionKeyOf(entity: EntityRef): string {
  return `${encodeKey(entity.name)}|${encodeKey(entity.key)}`;
}

function pad(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(15, '0');
}
