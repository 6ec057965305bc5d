/**
 * Operations on Azure Tables.
 *
 * Layout: the record in its own partition (PartitionKey = operation id, RowKey `record`), read and
 * updated with ETags; an index row per scope (PartitionKey `scope_<scope key>`, RowKey = inverted
 * request time + id, so a partition scan lists newest first); idempotency keys as rows of
 * `idem_<subscription>` (RowKey = the key's SHA-256) created with create-if-absent (409 = already claimed).
 */
import { createHash } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import { type OperationRecord, operationRecordSchema } from '../../contracts/operation-record';
import type { OperationStore } from '../../ports/operation.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const recordRowKey = 'record';
/** Optimistic-concurrency retries before an update gives up (contention is one scope's phases at most). */
const maxUpdateAttempts = 20;

/** Sorts newest first: 13-digit milliseconds subtracted from a constant, zero-padded. */
function invertedTime(iso: string): string {
  return String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');
}

export class TableOperationStore implements OperationStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async create(record: OperationRecord): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.createEntity({
        partitionKey: record.operationId,
        rowKey: recordRowKey,
        ...toJsonColumns(record),
      });
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
    await client.upsertEntity(
      {
        partitionKey: `scope_${record.scopeKey}`,
        rowKey: `${invertedTime(record.requestedAt)}_${record.operationId}`,
        operationId: record.operationId,
      },
      'Replace',
    );
    return true;
  }

  async get(operationId: string): Promise<OperationRecord | undefined> {
    const client = await this.#client();
    const entity = await orUndefinedOn404(() =>
      client.getEntity<Record<string, unknown>>(operationId, recordRowKey),
    );
    return entity && operationRecordSchema.parse(fromJsonColumns(entity));
  }

  async update(
    operationId: string,
    change: (record: OperationRecord) => OperationRecord,
  ): Promise<OperationRecord> {
    const client = await this.#client();
    for (let attempt = 1; ; attempt++) {
      const entity = await client.getEntity<Record<string, unknown>>(operationId, recordRowKey);
      const next = operationRecordSchema.parse(change(operationRecordSchema.parse(fromJsonColumns(entity))));
      try {
        await client.updateEntity(
          { partitionKey: operationId, rowKey: recordRowKey, ...toJsonColumns(next) },
          'Replace',
          {
            etag: entity.etag,
          },
        );
        return next;
      } catch (error) {
        if (statusOf(error) !== 412 || attempt >= maxUpdateAttempts) throw error;
      }
    }
  }

  async listByScope(scopeKey: string, limit = 50): Promise<OperationRecord[]> {
    const client = await this.#client();
    const ids: string[] = [];
    for await (const entity of client.listEntities<{ operationId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${`scope_${scopeKey}`}`, select: ['operationId'] },
    })) {
      ids.push(entity.operationId);
      if (ids.length >= limit) break;
    }
    const records = await Promise.all(ids.map((id) => this.get(id)));
    return records.filter((record): record is OperationRecord => record !== undefined);
  }

  async claimIdempotencyKey(subscriptionId: string, key: string, operationId: string): Promise<string> {
    const client = await this.#client();
    const { partitionKey, rowKey } = idempotencyRow(subscriptionId, key);
    try {
      await client.createEntity({ partitionKey, rowKey, operationId, key: key.slice(0, 30_000) });
      return operationId;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const existing = await client.getEntity<{ operationId: string }>(partitionKey, rowKey);
      return existing.operationId;
    }
  }

  async findIdempotencyKey(subscriptionId: string, key: string): Promise<string | undefined> {
    const client = await this.#client();
    const { partitionKey, rowKey } = idempotencyRow(subscriptionId, key);
    const row = await orUndefinedOn404(() => client.getEntity<{ operationId: string }>(partitionKey, rowKey));
    return row?.operationId;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.operations);
  }
}

/**
 * Keys are compared exactly (case included) and may be long or hold characters Table keys refuse, so the
 * row key is the key's SHA-256.
 */
function idempotencyRow(subscriptionId: string, key: string): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: `idem_${subscriptionId.toLowerCase()}`,
    rowKey: createHash('sha256').update(key).digest('hex'),
  };
}
