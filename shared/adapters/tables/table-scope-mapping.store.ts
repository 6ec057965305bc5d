/**
 * Scope mappings on Azure Tables: one partition per scope, the accounted Classic items in chunks of rows
 * (RowKey = zero-padded chunk number, entries as chunked JSON). A VNet of thousands of VMs accounts for
 * tens of thousands of items; one row per item would take hundreds of sequential transactions, a chunk of
 * a few hundred items per row takes a handful. A rewrite removes chunks past the new end, so a smaller
 * re-Prepare leaves no stale entries.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import type { ScopeMappingEntry, ScopeMappingStore } from '../../ports/inventory.port';
import { submitInBatches } from './batches';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import type { TableService } from './table-service';

export const scopeMappingsTable = 'ScopeMappings';

/** Entries per row: a few hundred characters each, well within one row's JSON columns. */
const entriesPerRow = 400;

const rowKeyOf = (index: number) => String(index).padStart(6, '0');

export class TableScopeMappingStore implements ScopeMappingStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async write(scopeKey: string, entries: ScopeMappingEntry[]): Promise<void> {
    const client = await this.#client();
    const existing = await this.#rowKeys(client, scopeKey);
    const chunks: ScopeMappingEntry[][] = [];
    for (let i = 0; i < entries.length; i += entriesPerRow) chunks.push(entries.slice(i, i + entriesPerRow));
    const actions: TransactionAction[] = chunks.map((chunk, index) => [
      'upsert',
      { partitionKey: scopeKey, rowKey: rowKeyOf(index), ...toJsonColumns(chunk) },
      'Replace',
    ]);
    const stale = existing.filter((rowKey) => Number(rowKey) >= chunks.length);
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
      entries.push(...(fromJsonColumns(entity) as ScopeMappingEntry[]));
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
