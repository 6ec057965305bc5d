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
import { EtagRowCache } from './etag-row-cache';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { changingInventory, TableInventoryVersions } from './table-inventory-versions';
import { orUndefinedOn404, type TableService } from './table-service';

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

/** Rows kept parsed per process (see `load`): every row of an estate of tens of thousands of VMs. */
const rowsKept = 50_000;
/** Changed rows a load reads one by one; more than this, and it reads the whole partition again. */
const maxPointReads = 8;

function isCollection(value: unknown): value is ClassicCollection {
  return (collections as readonly unknown[]).includes(value);
}

/** An inventory with every collection empty, in the schema's order of fields. */
function emptyInventory(subscriptionId: string): ClassicInventory {
  return classicInventorySchema.parse({ subscription: { id: subscriptionId } });
}

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
  readonly #rows = new EtagRowCache<unknown>(rowsKept);

  /** `versions`: the composition root shares one with the ARM store; alone (tests, seeding) it makes its own. */
  constructor(tables: TableService, versions: InventoryVersions = new TableInventoryVersions(tables)) {
    this.#tables = tables;
    this.#versions = versions;
  }

  /**
   * The subscription's live inventory. Rows this process read before and that have not changed since (same
   * ETag in a listing of keys and ETags) are not read or parsed again: importing an estate document by
   * document loads the subscription once per document, which otherwise moved and parsed every cloud service
   * so far each time (at 10,000 VMs, about 300 MB of JSON over an import).
   */
  async load(subscriptionId: string): Promise<ClassicInventory> {
    const client = await this.#client();
    const partitionKey = subscriptionId.toLowerCase();
    const listing: { rowKey: string; etag: string | undefined; collection: unknown }[] = [];
    for await (const entity of client.listEntities<{ collection?: unknown; migrated?: unknown }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey}`,
        select: ['RowKey', 'collection', 'migrated'],
      },
    })) {
      if (entity.migrated === true || !entity.rowKey) continue;
      listing.push({ rowKey: entity.rowKey, etag: entity.etag, collection: entity.collection });
    }
    // Each row's value is taken once, here or from its read: the kept entry of a row can be replaced by a
    // newer one (a concurrent load in this process) before this load has put its answer together. A row
    // written after the listing is read at its newer ETag.
    const read = new Map<string, unknown>();
    const missing: typeof listing = [];
    for (const row of listing) {
      const kept = this.#rows.get(partitionKey, row.rowKey, row.etag);
      if (kept === undefined) missing.push(row);
      else read.set(row.rowKey, kept);
    }
    if (missing.length > maxPointReads) await this.#readPartition(client, partitionKey, read);
    else
      await Promise.all(
        missing.map(async ({ rowKey }) => {
          const entity = await orUndefinedOn404(() =>
            client.getEntity<Record<string, unknown>>(partitionKey, rowKey),
          );
          if (entity && entity.migrated !== true) read.set(rowKey, this.#keep(partitionKey, entity));
        }),
      );
    const inventory = emptyInventory(subscriptionId);
    for (const row of listing) {
      // A row deleted between the listing and its read is left out, as a query after the delete would.
      const value = read.get(row.rowKey);
      if (value === undefined) continue;
      if (row.rowKey === subscriptionRowKey)
        inventory.subscription = value as ClassicInventory['subscription'];
      else if (isCollection(row.collection)) (inventory[row.collection] as unknown[]).push(value);
    }
    return inventory;
  }

  /** Reads and keeps every live row of the partition (a first load, or one with many changed rows). */
  async #readPartition(client: TableClient, partitionKey: string, read: Map<string, unknown>): Promise<void> {
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    })) {
      if (entity.migrated === true || !entity.rowKey) continue;
      // A row unchanged since it was kept is not parsed again.
      const etag = typeof entity.etag === 'string' ? entity.etag : undefined;
      read.set(
        entity.rowKey,
        this.#rows.get(partitionKey, entity.rowKey, etag) ?? this.#keep(partitionKey, entity),
      );
    }
  }

  /** Parses a row as its collection's item (or the subscription), keeps it under its ETag, returns it. */
  #keep(partitionKey: string, entity: Record<string, unknown>): unknown {
    const rowKey = String(entity.rowKey);
    const etag = typeof entity.etag === 'string' ? entity.etag : undefined;
    const json = fromJsonColumns(entity);
    const value: unknown =
      rowKey === subscriptionRowKey
        ? subscriptionSchema.parse(json)
        : isCollection(entity.collection)
          ? classicInventorySchema.shape[entity.collection].parse([json])[0]
          : undefined;
    return value === undefined ? undefined : this.#rows.set(partitionKey, rowKey, etag, value);
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
