/**
 * Operations on Azure Tables.
 *
 * Layout: the record in its own partition (PartitionKey = operation id, RowKey `record`), read and
 * updated with ETags; an index row per scope (PartitionKey `scope_<scope key>`, RowKey = inverted
 * request time + id, so a partition scan lists newest first); idempotency keys as rows of
 * `idem_<subscription>` (RowKey = the key's SHA-256) created with create-if-absent (409 = already claimed);
 * the open operations (Queued or InProgress) as rows of partition `open_` (RowKey = operation id), so the
 * sweeper reads one small partition instead of the whole table; dead letters the processor handled as rows
 * of `deadletter_` (see table-dead-letter-log.ts).
 *
 * The open row is written before the record (a crash between the two leaves an open row without a record,
 * which the sweeper drops, rather than a record nobody sweeps) and removed after the record turns final (a
 * crash between leaves a row the sweeper finds final and removes).
 */
import { createHash } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import { type OperationRecord, operationRecordSchema } from '../../contracts/operation-record';
import type { OpenOperation, OperationStore } from '../../ports/operation.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const recordRowKey = 'record';
const openPartition = 'open_';
/** Optimistic-concurrency retries before an update gives up (contention is one scope's phases at most). */
const maxUpdateAttempts = 20;

/** Sorts newest first: 13-digit milliseconds subtracted from a constant, zero-padded. */
function invertedTime(iso: string): string {
  return String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');
}

export class TableOperationStore implements OperationStore {
  readonly #tables: TableService;
  readonly #tableName: string;

  /** `tableName`: the Operations table; a test may give its own so its open operations are its alone. */
  constructor(tables: TableService, tableName: string = tableNames.operations) {
    this.#tables = tables;
    this.#tableName = tableName;
  }

  async create(record: OperationRecord): Promise<boolean> {
    const client = await this.#client();
    if (!isFinal(record)) await this.#markOpen(client, record);
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
      const current = operationRecordSchema.parse(fromJsonColumns(entity));
      const next = operationRecordSchema.parse(change(current));
      try {
        await client.updateEntity(
          { partitionKey: operationId, rowKey: recordRowKey, ...toJsonColumns(next) },
          'Replace',
          {
            etag: entity.etag,
          },
        );
      } catch (error) {
        if (statusOf(error) !== 412 || attempt >= maxUpdateAttempts) throw error;
        continue;
      }
      if (isFinal(next)) await this.#markClosed(client, operationId);
      // A record taken out of its final status (an enqueue retried after it failed) is open again.
      else if (isFinal(current)) await this.#markOpen(client, next);
      return next;
    }
  }

  async listOpen(): Promise<OpenOperation[]> {
    const client = await this.#client();
    const open: OpenOperation[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${openPartition}` },
    })) {
      open.push({
        operationId: String(row.operationId),
        scopeKey: String(row.scopeKey),
        operation: String(row.operation),
        requestedAt: String(row.requestedAt),
      });
    }
    return open;
  }

  async forgetOpen(operationId: string): Promise<void> {
    await this.#markClosed(await this.#client(), operationId);
  }

  async #markOpen(client: TableClient, record: OperationRecord): Promise<void> {
    await client.upsertEntity(
      {
        partitionKey: openPartition,
        rowKey: record.operationId,
        operationId: record.operationId,
        scopeKey: record.scopeKey,
        operation: record.operation,
        requestedAt: record.requestedAt,
      },
      'Replace',
    );
  }

  async #markClosed(client: TableClient, operationId: string): Promise<void> {
    await orUndefinedOn404(() => client.deleteEntity(openPartition, operationId));
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
    return this.#tables.table(this.#tableName);
  }
}

function isFinal(record: Pick<OperationRecord, 'status'>): boolean {
  return record.status === 'Succeeded' || record.status === 'Failed';
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
