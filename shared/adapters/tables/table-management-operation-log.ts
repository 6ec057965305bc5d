/**
 * Management-plane write operations on Azure Tables, in the Operations table beside the migration
 * operations: PartitionKey = request id (as for a migration operation record), RowKey `management`, so
 * the two kinds never collide (a migration record's RowKey is `record`) and one table serves
 * `GET /{subscriptionId}/operations/{requestId}` for both.
 */
import type { TableClient } from '@azure/data-tables';

import { type ManagementOperation, managementOperationSchema } from '../../contracts/management-operation';
import { tableNames } from '../../contracts/names';
import type { ManagementOperationLog } from '../../ports/management-operation.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, type TableService } from './table-service';

const rowKey = 'management';

export class TableManagementOperationLog implements ManagementOperationLog {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async record(operation: ManagementOperation): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      {
        partitionKey: operation.requestId,
        rowKey,
        ...toJsonColumns(managementOperationSchema.parse(operation)),
      },
      'Replace',
    );
  }

  async get(requestId: string): Promise<ManagementOperation | undefined> {
    const client = await this.#client();
    const entity = await orUndefinedOn404(() => client.getEntity<Record<string, unknown>>(requestId, rowKey));
    return entity && managementOperationSchema.parse(fromJsonColumns(entity));
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.operations);
  }
}
