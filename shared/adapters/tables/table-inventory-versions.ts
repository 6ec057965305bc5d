/**
 * Inventory versions on Azure Tables: two rows per subscription (PartitionKey = subscription id, lower-case,
 * RowKey `classic` and `arm`), each holding a random token replaced on every bump of that inventory; one
 * partition query reads both. Tokens are compared for equality only, so concurrent bumps need no ETag:
 * whichever lands last leaves a token no reader has seen before its write. An inventory never written since
 * versions exist reads as `initial`.
 */
import { randomUUID } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import type { InventoryPart, InventoryVersions } from '../../ports/inventory-version.port';
import type { TableService } from './table-service';

export const inventoryVersionsTable = 'InventoryVersions';

export class TableInventoryVersions implements InventoryVersions {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async current(subscriptionId: string): Promise<string> {
    const client = await this.#client();
    const tokens: Record<InventoryPart, string> = { classic: 'initial', arm: 'initial' };
    for await (const row of client.listEntities<{ version?: unknown }>({
      queryOptions: { filter: odata`PartitionKey eq ${subscriptionId.toLowerCase()}` },
    })) {
      if ((row.rowKey === 'classic' || row.rowKey === 'arm') && typeof row.version === 'string')
        tokens[row.rowKey] = row.version;
    }
    return `${tokens.classic}.${tokens.arm}`;
  }

  async bump(subscriptionId: string, inventory: InventoryPart): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      { partitionKey: subscriptionId.toLowerCase(), rowKey: inventory, version: randomUUID() },
      'Replace',
    );
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(inventoryVersionsTable);
  }
}

/**
 * Runs a write to a subscription's inventory, then moves its version on. A write that failed part-way may
 * have changed some rows, so the version moves then too (best effort: the write's own error is the one
 * thrown). After a successful write a failed bump is thrown: the caller retries the write, and with it the
 * bump, rather than leaving readers a version whose cached answers are stale.
 */
export async function changingInventory<T>(
  versions: InventoryVersions,
  subscriptionId: string,
  inventory: InventoryPart,
  write: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await versions.bump(subscriptionId, inventory).catch(() => undefined);
    throw error;
  }
  await versions.bump(subscriptionId, inventory);
  return result;
}
