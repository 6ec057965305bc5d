/** Grants on Azure Tables: PartitionKey = principal object id, RowKey = subscription id (or `*`). */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import type { Grant, GrantStore } from '../../ports/grant.port';
import { statusOf, type TableService } from './table-service';

export class TableGrantStore implements GrantStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async list(principalId: string): Promise<Grant[]> {
    return this.#query(odata`PartitionKey eq ${principalId.toLowerCase()}`);
  }

  listAll(): Promise<Grant[]> {
    return this.#query(undefined);
  }

  async put(grant: Grant): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      {
        partitionKey: grant.principalId.toLowerCase(),
        rowKey: grant.subscriptionId.toLowerCase(),
        grantedBy: grant.grantedBy,
        grantedAt: grant.grantedAt,
      },
      'Replace',
    );
  }

  async remove(principalId: string, subscriptionId: string): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.deleteEntity(principalId.toLowerCase(), subscriptionId.toLowerCase());
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async #query(filter: string | undefined): Promise<Grant[]> {
    const client = await this.#client();
    const grants: Grant[] = [];
    for await (const row of client.listEntities<{ grantedBy: string; grantedAt: string }>(
      filter === undefined ? {} : { queryOptions: { filter } },
    )) {
      grants.push({
        principalId: row.partitionKey ?? '',
        subscriptionId: row.rowKey ?? '',
        grantedBy: row.grantedBy,
        grantedAt: row.grantedAt,
      });
    }
    return grants;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.grants);
  }
}
