/**
 * Inventory versions on Azure Tables: one row per subscription (PartitionKey = subscription id, lower-case,
 * RowKey `version`) holding a random token replaced on every bump. Tokens are compared for equality only,
 * so concurrent bumps need no ETag: whichever lands last leaves a token no reader has seen before its
 * write. A subscription never written since versions exist reads as `initial`.
 */
import { randomUUID } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';

import type { InventoryVersions } from '../../ports/inventory-version.port';
import { orUndefinedOn404, type TableService } from './table-service';

export const inventoryVersionsTable = 'InventoryVersions';

const rowKey = 'version';

export class TableInventoryVersions implements InventoryVersions {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async current(subscriptionId: string): Promise<string> {
    const client = await this.#client();
    const row = await orUndefinedOn404(() =>
      client.getEntity<{ version?: unknown }>(subscriptionId.toLowerCase(), rowKey),
    );
    return typeof row?.version === 'string' ? row.version : 'initial';
  }

  async bump(subscriptionId: string): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      { partitionKey: subscriptionId.toLowerCase(), rowKey, version: randomUUID() },
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
  write: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await versions.bump(subscriptionId).catch(() => undefined);
    throw error;
  }
  await versions.bump(subscriptionId);
  return result;
}
