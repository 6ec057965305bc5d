/**
 * Scope mappings on Azure Tables: one partition per scope, one row per accounted Classic item (RowKey =
 * zero-padded position), written in batch transactions. A rewrite first removes rows past the new end,
 * so a smaller re-Prepare leaves no stale entries.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import type { ScopeMappingEntry, ScopeMappingStore } from '../../ports/inventory.port';
import { submitInBatches } from './batches';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import type { TableService } from './table-service';

export const scopeMappingsTable = 'ScopeMappings';

const rowKeyOf = (index: number) => String(index).padStart(6, '0');

export class TableScopeMappingStore implements ScopeMappingStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async write(scopeKey: string, entries: ScopeMappingEntry[]): Promise<void> {
    const client = await this.#client();
    const existing = await this.#rowKeys(client, scopeKey);
    const actions: TransactionAction[] = entries.map((entry, index) => [
      'upsert',
      { partitionKey: scopeKey, rowKey: rowKeyOf(index), ...toJsonColumns(entry) },
      'Replace',
    ]);
    const stale = existing.filter((rowKey) => Number(rowKey) >= entries.length);
    await submitInBatches(client, [
      ...actions,
      ...stale.map((rowKey): TransactionAction => ['delete', { partitionKey: scopeKey, rowKey }]),
    ]);
  }

  async read(scopeKey: string): Promise<ScopeMappingEntry[]> {
    const client = await this.#client();
    const entries: ScopeMappingEntry[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${scopeKey}` },
    })) {
      entries.push(fromJsonColumns(entity) as ScopeMappingEntry);
    }
    return entries;
  }

  async remove(scopeKey: string): Promise<void> {
    const client = await this.#client();
    const rows = await this.#rowKeys(client, scopeKey);
    await submitInBatches(
      client,
      rows.map((rowKey): TransactionAction => ['delete', { partitionKey: scopeKey, rowKey }]),
    );
  }

  async #rowKeys(client: TableClient, scopeKey: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const entity of client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${scopeKey}`, select: ['RowKey'] },
    })) {
      if (entity.rowKey) keys.push(entity.rowKey);
    }
    return keys;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(scopeMappingsTable);
  }
}
