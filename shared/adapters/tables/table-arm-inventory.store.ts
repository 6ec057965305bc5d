/**
 * The ARM inventory on Azure Tables.
 *
 * Layout: one partition per resource group (PartitionKey = `<subscription>_<encoded rg>`), a row for the
 * group itself (RowKey `resourceGroup`) and one per resource (RowKey = encoded `type/name…`), so listing a
 * group is one partition scan, reading a resource by ID is a point read, and a scope's writes are batch
 * transactions per group. Each scope has a manifest (partition `manifest_<scope key>`, rows of resource
 * IDs per Prepare, so it grows with the scope without meeting the 1 MiB entity limit)
 * holding every resource ID any of its Prepares wrote; it is written *before* the resources, so Abort
 * removes exactly what Prepare wrote even after a crash half-way. Every write moves the subscription's
 * inventory version on (table-inventory-versions.ts).
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { z } from 'zod';

import { tableNames } from '../../contracts/names';
import {
  type ArmResource,
  armResourceSchema,
  type ResourceGroup,
  resourceGroupSchema,
} from '../../domain/arm/arm-resource';
import { encodeKeyPart } from '../../domain/scope/scope';
import type { ArmInventoryStore, ArmPhase, StoredArmResource } from '../../ports/inventory.port';
import type { InventoryVersions } from '../../ports/inventory-version.port';
import { submitInBatches } from './batches';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { changingInventory, TableInventoryVersions } from './table-inventory-versions';
import { orUndefinedOn404, type TableService } from './table-service';

const resourceGroupRowKey = 'resourceGroup';
const manifestPartition = (scopeKey: string) => `manifest_${scopeKey}`;
/** Resource IDs per manifest row: a few hundred characters each, well within one row's JSON columns. */
const idsPerManifestRow = 1000;
const manifestIdsSchema = z.array(z.string());

/** Where a resource ID lives: its group's partition and its row. */
export function locateArmId(
  resourceId: string,
): { subscriptionId: string; resourceGroup: string; partitionKey: string; rowKey: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/(.+)$/i.exec(resourceId);
  if (!match) return undefined;
  const [, subscriptionId = '', resourceGroup = '', typeAndNames = ''] = match;
  return {
    subscriptionId,
    resourceGroup,
    partitionKey: groupPartition(subscriptionId, resourceGroup),
    rowKey: encodeKeyPart(typeAndNames).slice(0, 1000),
  };
}

function groupPartition(subscriptionId: string, resourceGroup: string): string {
  return `${subscriptionId.toLowerCase()}_${encodeKeyPart(resourceGroup)}`;
}

export class TableArmInventoryStore implements ArmInventoryStore {
  readonly #tables: TableService;
  readonly #versions: InventoryVersions;

  /** `versions`: the composition root shares one with the Classic store; alone (tests) it makes its own. */
  constructor(tables: TableService, versions: InventoryVersions = new TableInventoryVersions(tables)) {
    this.#tables = tables;
    this.#versions = versions;
  }

  async listResourceGroups(subscriptionId: string): Promise<ResourceGroup[]> {
    const client = await this.#client();
    const prefix = `${subscriptionId.toLowerCase()}_`;
    const groups: ResourceGroup[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~`} and RowKey eq ${resourceGroupRowKey}`,
      },
    })) {
      groups.push(resourceGroupSchema.parse(fromJsonColumns(entity)));
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name));
  }

  async getResourceGroup(subscriptionId: string, name: string): Promise<ResourceGroup | undefined> {
    const client = await this.#client();
    const entity = await orUndefinedOn404(() =>
      client.getEntity<Record<string, unknown>>(groupPartition(subscriptionId, name), resourceGroupRowKey),
    );
    return entity && resourceGroupSchema.parse(fromJsonColumns(entity));
  }

  async listResources(subscriptionId: string, resourceGroup: string): Promise<StoredArmResource[]> {
    const client = await this.#client();
    const partitionKey = groupPartition(subscriptionId, resourceGroup);
    const resources: StoredArmResource[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ne ${resourceGroupRowKey}` },
    })) {
      resources.push(toStored(entity));
    }
    return resources.sort((a, b) => a.resource.id.localeCompare(b.resource.id));
  }

  async listSubscriptionResources(subscriptionId: string): Promise<StoredArmResource[]> {
    const client = await this.#client();
    // Every group partition of the subscription in one range scan, as listResourceGroups reads them.
    const prefix = `${subscriptionId.toLowerCase()}_`;
    const resources: StoredArmResource[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~`} and RowKey ne ${resourceGroupRowKey}`,
      },
    })) {
      resources.push(toStored(entity));
    }
    return resources.sort((a, b) => a.resource.id.localeCompare(b.resource.id));
  }

  async getResource(resourceId: string): Promise<StoredArmResource | undefined> {
    const location = locateArmId(resourceId);
    if (!location) return undefined;
    const client = await this.#client();
    const entity = await orUndefinedOn404(() =>
      client.getEntity<Record<string, unknown>>(location.partitionKey, location.rowKey),
    );
    return entity && toStored(entity);
  }

  async writeScope(
    subscriptionId: string,
    scopeKey: string,
    operationId: string,
    resourceGroups: ResourceGroup[],
    resources: ArmResource[],
    phase: ArmPhase,
  ): Promise<void> {
    await changingInventory(this.#versions, subscriptionId, 'arm', () =>
      this.#writeScope(subscriptionId, scopeKey, operationId, resourceGroups, resources, phase),
    );
  }

  async #writeScope(
    subscriptionId: string,
    scopeKey: string,
    operationId: string,
    resourceGroups: ResourceGroup[],
    resources: ArmResource[],
    phase: ArmPhase,
  ): Promise<void> {
    const client = await this.#client();
    // Write-ahead: the manifest names every resource before any of them exists. Each Prepare adds its own
    // rows (keyed by its operation id, in chunks of IDs), so Abort removes the union of every Prepare's
    // resources; a redelivered Prepare rewrites the same rows.
    const ids = [...resourceGroups.map((g) => g.id), ...resources.map((r) => r.id)];
    const manifestActions: TransactionAction[] = [];
    for (let i = 0; i < ids.length; i += idsPerManifestRow) {
      manifestActions.push([
        'upsert',
        {
          partitionKey: manifestPartition(scopeKey),
          rowKey: `${operationId}_${String(i / idsPerManifestRow).padStart(5, '0')}`,
          subscriptionId,
          ...toJsonColumns(ids.slice(i, i + idsPerManifestRow)),
        },
        'Replace',
      ]);
    }
    await submitInBatches(client, manifestActions);
    const actions: TransactionAction[] = [];
    for (const group of resourceGroups) {
      actions.push([
        'upsert',
        {
          partitionKey: groupPartition(subscriptionId, group.name),
          rowKey: resourceGroupRowKey,
          scopeKey,
          operationId,
          phase,
          ...toJsonColumns(group),
        },
        'Replace',
      ]);
    }
    for (const resource of resources) {
      const location = locateArmId(resource.id);
      if (!location) throw new Error(`Not an ARM resource ID: ${resource.id}`);
      actions.push([
        'upsert',
        {
          partitionKey: location.partitionKey,
          rowKey: location.rowKey,
          resourceGroup: location.resourceGroup,
          resourceType: resource.type,
          scopeKey,
          operationId,
          phase,
          ...toJsonColumns(resource),
        },
        'Replace',
      ]);
    }
    await submitInBatches(client, actions);
  }

  async setScopePhase(subscriptionId: string, scopeKey: string, phase: ArmPhase): Promise<number> {
    const client = await this.#client();
    const rows = await this.#manifestRows(client, subscriptionId, scopeKey);
    await changingInventory(this.#versions, subscriptionId, 'arm', () =>
      submitInBatches(
        client,
        rows.map(({ partitionKey, rowKey }) => ['update', { partitionKey, rowKey, phase }, 'Merge']),
      ),
    );
    return rows.filter((row) => row.rowKey !== resourceGroupRowKey).length;
  }

  async removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    return changingInventory(this.#versions, subscriptionId, 'arm', () =>
      this.#removeScope(subscriptionId, scopeKey),
    );
  }

  async #removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    const client = await this.#client();
    const rows = await this.#manifestRows(client, subscriptionId, scopeKey);
    await submitInBatches(
      client,
      rows.map(({ partitionKey, rowKey }) => ['delete', { partitionKey, rowKey }]),
    );
    // The manifest goes last: until then a retried Abort still knows what to remove.
    const manifestRows: TransactionAction[] = [];
    for await (const entity of client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${manifestPartition(scopeKey)}`, select: ['RowKey'] },
    })) {
      if (entity.rowKey)
        manifestRows.push(['delete', { partitionKey: manifestPartition(scopeKey), rowKey: entity.rowKey }]);
    }
    await submitInBatches(client, manifestRows);
    return rows.filter((row) => row.rowKey !== resourceGroupRowKey).length;
  }

  async manifest(_subscriptionId: string, scopeKey: string): Promise<string[]> {
    const client = await this.#client();
    const ids = new Map<string, string>();
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${manifestPartition(scopeKey)}` },
    })) {
      for (const id of manifestIdsSchema.parse(fromJsonColumns(entity))) ids.set(id.toLowerCase(), id);
    }
    return [...ids.values()];
  }

  /** The rows of the scope's manifest that exist now (deleting or updating a missing row fails a batch). */
  async #manifestRows(
    client: TableClient,
    subscriptionId: string,
    scopeKey: string,
  ): Promise<{ partitionKey: string; rowKey: string }[]> {
    const ids = await this.manifest(subscriptionId, scopeKey);
    const wanted = new Map<string, Set<string>>();
    for (const id of ids) {
      const location = locateArmId(id) ?? locateGroupId(id);
      if (!location) continue;
      const rows = wanted.get(location.partitionKey) ?? new Set<string>();
      rows.add(location.rowKey);
      wanted.set(location.partitionKey, rows);
    }
    const present: { partitionKey: string; rowKey: string }[] = [];
    for (const [partitionKey, rowKeys] of wanted) {
      const rows: { rowKey: string; scopeKey: unknown }[] = [];
      for await (const entity of client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'scopeKey'] },
      })) {
        if (entity.rowKey) rows.push({ rowKey: entity.rowKey, scopeKey: entity.scopeKey });
      }
      // A resource group that also holds another scope's resources stays until that scope leaves too.
      const shared = rows.some((row) => row.rowKey !== resourceGroupRowKey && row.scopeKey !== scopeKey);
      for (const row of rows) {
        if (!rowKeys.has(row.rowKey)) continue;
        if (row.rowKey === resourceGroupRowKey ? !shared : row.scopeKey === scopeKey) {
          present.push({ partitionKey, rowKey: row.rowKey });
        }
      }
    }
    return present;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.armInventory);
  }
}

function locateGroupId(id: string): { partitionKey: string; rowKey: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(id);
  if (!match) return undefined;
  return { partitionKey: groupPartition(match[1] ?? '', match[2] ?? ''), rowKey: resourceGroupRowKey };
}

function toStored(entity: Record<string, unknown>): StoredArmResource {
  return {
    resource: armResourceSchema.parse(fromJsonColumns(entity)),
    resourceGroup: String(entity.resourceGroup),
    phase: entity.phase === 'Committed' ? 'Committed' : 'Prepared',
    scopeKey: String(entity.scopeKey),
    operationId: String(entity.operationId),
  };
}
