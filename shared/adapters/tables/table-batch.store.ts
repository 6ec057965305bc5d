/**
 * Batches on Azure Tables: one partition per batch; RowKey `batch` holds the plan and run state as JSON
 * columns (read and replaced under its ETag), with `subscriptionId`, `status` and `active` as plain columns
 * to filter on; RowKey `report_<run>` holds each run's report.
 */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import { type Batch, finishedBatchStatuses } from '../../domain/batch/batch-plan';
import type { BatchReport } from '../../domain/batch/batch-report';
import type { BatchStore, StoredBatch } from '../../ports/batch.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const batchRowKey = 'batch';
const reportRowKey = (run: number) => `report_${String(run).padStart(6, '0')}`;

export class TableBatchStore implements BatchStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async create(batch: Batch): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.createEntity(toRow(batch));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(batchId: string): Promise<StoredBatch | undefined> {
    const client = await this.#client();
    const row = await orUndefinedOn404(() => client.getEntity<Record<string, unknown>>(batchId, batchRowKey));
    return row && { batch: fromJsonColumns(row) as Batch, etag: row.etag };
  }

  async replace(batch: Batch, etag: string): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.updateEntity(toRow(batch), 'Replace', { etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  async list(subscriptionId: string): Promise<Batch[]> {
    const batches = await this.#query(
      odata`RowKey eq ${batchRowKey} and subscriptionId eq ${subscriptionId.toLowerCase()}`,
    );
    return batches
      .map((stored) => stored.batch)
      .sort((a, b) => b.plan.createdAt.localeCompare(a.plan.createdAt));
  }

  listActive(): Promise<StoredBatch[]> {
    return this.#query(odata`RowKey eq ${batchRowKey} and active eq ${true}`);
  }

  async saveReport(report: BatchReport): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      { partitionKey: report.batchId, rowKey: reportRowKey(report.run), ...toJsonColumns(report) },
      'Replace',
    );
  }

  async getReport(batchId: string, run?: number): Promise<BatchReport | undefined> {
    const client = await this.#client();
    if (run !== undefined) {
      const row = await orUndefinedOn404(() =>
        client.getEntity<Record<string, unknown>>(batchId, reportRowKey(run)),
      );
      return row && (fromJsonColumns(row) as BatchReport);
    }
    let latest: BatchReport | undefined;
    for await (const row of client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${batchId} and RowKey ge ${'report_'} and RowKey lt ${'report`'}`,
      },
    })) {
      latest = fromJsonColumns(row) as BatchReport;
    }
    return latest;
  }

  async #query(filter: string): Promise<StoredBatch[]> {
    const client = await this.#client();
    const found: StoredBatch[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      found.push({ batch: fromJsonColumns(row) as Batch, etag: String(row.etag) });
    }
    return found;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.batches);
  }
}

function toRow(batch: Batch) {
  const { plan, run } = batch;
  return {
    partitionKey: plan.batchId,
    rowKey: batchRowKey,
    subscriptionId: plan.subscriptionId.toLowerCase(),
    name: plan.name,
    status: run.status,
    // Repeating plans stay on the scheduler's list until cancelled.
    active: plan.repeat ? run.status !== 'Cancelled' : !finishedBatchStatuses.includes(run.status),
    ...toJsonColumns(batch),
  };
}
