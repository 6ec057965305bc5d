/**
 * The Classic inventory on Azure Tables.
 *
 * Layout: one partition per subscription (PartitionKey = subscription id, lower-case), one row per
 * top-level Classic resource (RowKey = `<collection>_<encoded name>`), the resource as chunked JSON. A
 * cloud service row carries its deployments, roles and instances, so a scope's Classic writes (data-plane
 * effects in Prepare, removal in Commit) are a handful of rows in one partition: batch transactions.
 * Migrated resources are kept as tombstones (`migrated = true`, `migratedBy`) and left out of `load`.
 * Every write moves the subscription's inventory version on (table-inventory-versions.ts).
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import {
  type ClassicInventory,
  classicInventorySchema,
  subscriptionSchema,
} from '../../domain/classic/inventory.schema';
import { encodeKeyPart } from '../../domain/scope/scope';
import type {
  ClassicCollection,
  ClassicInventoryStore,
  ClassicResourceRef,
} from '../../ports/inventory.port';
import type { InventoryVersions } from '../../ports/inventory-version.port';
import { submitInBatches } from './batches';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { changingInventory, TableInventoryVersions } from './table-inventory-versions';
import type { TableService } from './table-service';

const collections = [
  'affinityGroups',
  'cloudServices',
  'virtualNetworks',
  'localNetworkSites',
  'dnsServers',
  'reservedIps',
  'networkSecurityGroups',
  'routeTables',
  'storageAccounts',
  'disks',
  'vmImages',
  'expressRouteCircuits',
  'roleAssignments',
  'facts',
] as const satisfies readonly ClassicCollection[];

const subscriptionRowKey = 'subscription';

/** The name that identifies an item within its collection. */
function itemName(collection: ClassicCollection, item: unknown): string {
  const record = item as Record<string, unknown>;
  if (collection === 'expressRouteCircuits') return String(record.serviceKey);
  if (collection === 'roleAssignments')
    return `${String(record.principalId)}|${String(record.roleDefinitionName)}|${String(record.scope)}`;
  // A fact's key is its identity (a newer document's fact of the same key replaces it).
  if (collection === 'facts') return String(record.key);
  return String(record.name);
}

export function classicRowKey(collection: ClassicCollection, name: string): string {
  // Row keys are capped at 1 KiB; long composite names (role assignments) are truncated safely because
  // the full name is kept in the row and compared on read.
  return `${collection}_${encodeKeyPart(name)}`.slice(0, 1000);
}

export class TableClassicInventoryStore implements ClassicInventoryStore {
  readonly #tables: TableService;
  readonly #versions: InventoryVersions;

  /** `versions`: the composition root shares one with the ARM store; alone (tests, seeding) it makes its own. */
  constructor(tables: TableService, versions: InventoryVersions = new TableInventoryVersions(tables)) {
    this.#tables = tables;
    this.#versions = versions;
  }

  async load(subscriptionId: string): Promise<ClassicInventory> {
    const client = await this.#client();
    const partitionKey = subscriptionId.toLowerCase();
    const raw: Record<string, unknown[]> = {};
    let subscription: unknown = { id: subscriptionId };
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    })) {
      if (entity.rowKey === subscriptionRowKey) {
        subscription = fromJsonColumns(entity);
        continue;
      }
      if (entity.migrated === true) continue;
      const collection = String(entity.collection);
      (raw[collection] ??= []).push(fromJsonColumns(entity));
    }
    return classicInventorySchema.parse({ subscription, ...raw });
  }

  async save(inventory: ClassicInventory): Promise<void> {
    const client = await this.#client();
    const partitionKey = inventory.subscription.id.toLowerCase();
    const actions: TransactionAction[] = [
      [
        'upsert',
        {
          partitionKey,
          rowKey: subscriptionRowKey,
          ...toJsonColumns(subscriptionSchema.parse(inventory.subscription)),
        },
        'Replace',
      ],
    ];
    for (const collection of collections) {
      for (const item of inventory[collection]) {
        const name = itemName(collection, item);
        actions.push([
          'upsert',
          {
            partitionKey,
            rowKey: classicRowKey(collection, name),
            collection,
            name,
            migrated: false,
            ...toJsonColumns(item),
          },
          'Replace',
        ]);
      }
    }
    await changingInventory(this.#versions, partitionKey, 'classic', () => submitInBatches(client, actions));
  }

  async markMigrated(
    subscriptionId: string,
    resources: ClassicResourceRef[],
    operationId: string,
  ): Promise<void> {
    const client = await this.#client();
    const partitionKey = subscriptionId.toLowerCase();
    const actions: TransactionAction[] = resources.map(({ collection, name }) => [
      'update',
      { partitionKey, rowKey: classicRowKey(collection, name), migrated: true, migratedBy: operationId },
      'Merge',
    ]);
    // Merge-updates of rows that exist are idempotent; a missing row (already gone) fails its batch, so
    // only rows present are sent.
    const present = await this.#existing(client, partitionKey, actions);
    await changingInventory(this.#versions, partitionKey, 'classic', () => submitInBatches(client, present));
  }

  async remove(subscriptionId: string, resources: ClassicResourceRef[]): Promise<void> {
    const client = await this.#client();
    const partitionKey = subscriptionId.toLowerCase();
    const actions: TransactionAction[] = resources.map(({ collection, name }) => [
      'delete',
      { partitionKey, rowKey: classicRowKey(collection, name) },
    ]);
    // A delete of a missing row fails its batch, so only rows present are sent; a migrated tombstone
    // records a Commit and is not a Classic resource any more, so it stays.
    const present = await this.#existing(client, partitionKey, actions, { live: true });
    await changingInventory(this.#versions, partitionKey, 'classic', () => submitInBatches(client, present));
  }

  async #existing(
    client: TableClient,
    partitionKey: string,
    actions: TransactionAction[],
    options: { live?: boolean } = {},
  ): Promise<TransactionAction[]> {
    const keys = new Set<string>();
    for await (const entity of client.listEntities<{ migrated?: unknown }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'migrated'] },
    })) {
      if (options.live === true && entity.migrated === true) continue;
      if (entity.rowKey) keys.add(entity.rowKey);
    }
    return actions.filter((action) => keys.has(String(action[1].rowKey)));
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.classicInventory);
  }
}
