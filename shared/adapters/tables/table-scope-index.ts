/**
 * The scope index on Azure Tables: one partition per subscription, one row per scope (RowKey = scope
 * key), replaced when an operation ends. Only a read model: the scope entity stays the source of truth.
 */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import type { ScopeIndex, ScopeIndexEntry } from '../../ports/operation.port';
import type { TableService } from './table-service';

export const scopeIndexTable = 'ScopeIndex';

export class TableScopeIndex implements ScopeIndex {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async upsert(entry: ScopeIndexEntry): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      { partitionKey: entry.subscriptionId.toLowerCase(), rowKey: entry.scopeKey, ...entry },
      'Replace',
    );
  }

  async list(subscriptionId: string): Promise<ScopeIndexEntry[]> {
    const client = await this.#client();
    const entries: ScopeIndexEntry[] = [];
    for await (const row of client.listEntities<ScopeIndexEntry>({
      queryOptions: { filter: odata`PartitionKey eq ${subscriptionId.toLowerCase()}` },
    })) {
      const {
        subscriptionId: sub,
        scopeKey,
        kind,
        name,
        state,
        lastOperationId,
        lastOperation,
        lastStatus,
        updatedAt,
      } = row;
      entries.push({
        subscriptionId: sub,
        scopeKey,
        kind,
        name,
        state,
        lastOperationId,
        lastOperation,
        lastStatus,
        updatedAt,
      });
    }
    return entries;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(scopeIndexTable);
  }
}
