/**
 * Planned faults on Azure Tables (PartitionKey = scope key, RowKey = step). Taking a firing is a
 * read-modify-write with If-Match, so two workers never both consume the last one.
 */
import type { TableClient } from '@azure/data-tables';

import type { FaultInjector, FaultKind, PlannedFault } from '../../ports/fault-injector.port';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

export const faultsTable = 'PlannedFaults';

export class TableFaultInjector implements FaultInjector {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async plan(fault: PlannedFault): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      {
        partitionKey: fault.scopeKey,
        rowKey: fault.step,
        kind: fault.kind,
        remaining: fault.remaining,
        message: fault.message,
      },
      'Replace',
    );
  }

  async take(scopeKey: string, step: string): Promise<PlannedFault | undefined> {
    const client = await this.#client();
    for (;;) {
      const row = await orUndefinedOn404(() =>
        client.getEntity<{ kind: FaultKind; remaining: number; message: string }>(scopeKey, step),
      );
      if (!row || row.remaining <= 0) return undefined;
      try {
        await client.updateEntity(
          { partitionKey: scopeKey, rowKey: step, remaining: row.remaining - 1 },
          'Merge',
          { etag: row.etag },
        );
        return { scopeKey, step, kind: row.kind, remaining: row.remaining - 1, message: row.message };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(faultsTable);
  }
}
