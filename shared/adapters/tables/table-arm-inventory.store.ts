/**
 * The ARM inventory on Azure Tables, in three tables:
 * - `ArmInventory`: one partition per resource group (PartitionKey = `<subscription>_<encoded rg>`), a row
 *   per resource (RowKey = encoded `type/name…`), so listing a group is one partition scan, reading a
 *   resource by ID is a point read, and a scope's writes are batch transactions per group;
 * - `ArmResourceGroups`: a row per resource group (PartitionKey = subscription, RowKey = encoded name), so
 *   the subscription's groups, which every analysis reads for the names in use, are one small partition;
 * - `ArmManifests`: a partition per scope (rows of resource IDs per Prepare, so it grows with the scope
 *   without meeting the 1 MiB entity limit) holding every group and resource ID any of its Prepares wrote.
 *   It is written *before* the resources, so Abort removes exactly what Prepare wrote even after a crash
 *   half-way.
 * Groups and manifests have tables of their own because they are read far more often than their size:
 * the group list by every analysis and the manifest by every phase. Beside the resources they cost a scan
 * of everything stored on Azurite, which answers any query other than a point read by filtering the whole
 * table (Azure Tables serves a partition from the partition).
 * Every write moves the subscription's inventory version on (table-inventory-versions.ts).
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

/** The tables of the groups and of the scopes' manifests (the resources are in `tableNames.armInventory`). */
export const armResourceGroupsTable = 'ArmResourceGroups';
export const armManifestsTable = 'ArmManifests';

/** RowKey of a group's own row in ArmInventory, before groups had their table: skipped by resource lists. */
const legacyResourceGroupRowKey = 'resourceGroup';
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

/** Where a resource group's row lives in ArmResourceGroups. */
function groupRow(subscriptionId: string, resourceGroup: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: subscriptionId.toLowerCase(), rowKey: encodeKeyPart(resourceGroup) };
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
    const client = await this.#groups();
    const groups: ResourceGroup[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${subscriptionId.toLowerCase()}` },
    })) {
      groups.push(resourceGroupSchema.parse(fromJsonColumns(entity)));
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name));
  }

  async getResourceGroup(subscriptionId: string, name: string): Promise<ResourceGroup | undefined> {
    const client = await this.#groups();
    const { partitionKey, rowKey } = groupRow(subscriptionId, name);
    const entity = await orUndefinedOn404(() =>
      client.getEntity<Record<string, unknown>>(partitionKey, rowKey),
    );
    return entity && resourceGroupSchema.parse(fromJsonColumns(entity));
  }

  async listResources(subscriptionId: string, resourceGroup: string): Promise<StoredArmResource[]> {
    const client = await this.#client();
    const partitionKey = groupPartition(subscriptionId, resourceGroup);
    const resources: StoredArmResource[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ne ${legacyResourceGroupRowKey}`,
      },
    })) {
      resources.push(toStored(entity));
    }
    return resources.sort((a, b) => a.resource.id.localeCompare(b.resource.id));
  }

  async listSubscriptionResources(subscriptionId: string): Promise<StoredArmResource[]> {
    const client = await this.#client();
    // Every group partition of the subscription in one range scan.
    const prefix = `${subscriptionId.toLowerCase()}_`;
    const resources: StoredArmResource[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~`} and RowKey ne ${legacyResourceGroupRowKey}`,
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
    await submitInBatches(await this.#manifests(), manifestActions);
    // The groups before their resources, so no resource is ever listed without its group.
    await submitInBatches(
      await this.#groups(),
      resourceGroups.map((group) => [
        'upsert',
        { ...groupRow(subscriptionId, group.name), scopeKey, operationId, phase, ...toJsonColumns(group) },
        'Replace',
      ]),
    );
    const actions: TransactionAction[] = [];
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
    await submitInBatches(await this.#client(), actions);
  }

  async setScopePhase(subscriptionId: string, scopeKey: string, phase: ArmPhase): Promise<number> {
    const rows = await this.#manifestRows(subscriptionId, scopeKey);
    const update = (list: RowRef[]): TransactionAction[] =>
      list.map(({ partitionKey, rowKey }) => ['update', { partitionKey, rowKey, phase }, 'Merge']);
    await changingInventory(this.#versions, subscriptionId, 'arm', async () => {
      await submitInBatches(await this.#groups(), update(rows.groups));
      await submitInBatches(await this.#client(), update(rows.resources));
    });
    return rows.resources.length;
  }

  async removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    return changingInventory(this.#versions, subscriptionId, 'arm', () =>
      this.#removeScope(subscriptionId, scopeKey),
    );
  }

  async #removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    const rows = await this.#manifestRows(subscriptionId, scopeKey);
    const remove = (list: RowRef[]): TransactionAction[] =>
      list.map(({ partitionKey, rowKey }) => ['delete', { partitionKey, rowKey }]);
    // Resources, then their groups, then the manifest: until the manifest goes, a retried Abort still
    // knows what to remove, and a group never stays listed without the resources it held.
    await submitInBatches(await this.#client(), remove(rows.resources));
    await submitInBatches(await this.#groups(), remove(rows.groups));
    const manifests = await this.#manifests();
    const manifestRows: TransactionAction[] = [];
    for await (const entity of manifests.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${manifestPartition(scopeKey)}`, select: ['RowKey'] },
    })) {
      if (entity.rowKey)
        manifestRows.push(['delete', { partitionKey: manifestPartition(scopeKey), rowKey: entity.rowKey }]);
    }
    await submitInBatches(manifests, manifestRows);
    return rows.resources.length;
  }

  async manifest(_subscriptionId: string, scopeKey: string): Promise<string[]> {
    const client = await this.#manifests();
    const ids = new Map<string, string>();
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${manifestPartition(scopeKey)}` },
    })) {
      for (const id of manifestIdsSchema.parse(fromJsonColumns(entity))) ids.set(id.toLowerCase(), id);
    }
    return [...ids.values()];
  }

  /**
   * The rows of the scope's manifest that exist now (deleting or updating a missing row fails a batch):
   * its resources, and its groups unless another scope's resources are in them too.
   */
  async #manifestRows(
    subscriptionId: string,
    scopeKey: string,
  ): Promise<{ resources: RowRef[]; groups: RowRef[] }> {
    const ids = await this.manifest(subscriptionId, scopeKey);
    const wantedResources = new Map<string, Set<string>>();
    const wantedGroups = new Map<string, { subscriptionId: string; name: string }>();
    for (const id of ids) {
      const group = parseGroupId(id);
      if (group) {
        wantedGroups.set(groupPartition(group.subscriptionId, group.name), group);
        continue;
      }
      const location = locateArmId(id);
      if (!location) continue;
      const rows = wantedResources.get(location.partitionKey) ?? new Set<string>();
      rows.add(location.rowKey);
      wantedResources.set(location.partitionKey, rows);
    }
    const client = await this.#client();
    const resources: RowRef[] = [];
    const sharedPartitions = new Set<string>();
    // Every partition holding the scope's resources or named as one of its groups: a group partition
    // holding another scope's resources keeps its group.
    for (const partitionKey of new Set([...wantedResources.keys(), ...wantedGroups.keys()])) {
      const rowKeys = wantedResources.get(partitionKey);
      for await (const entity of client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'scopeKey'] },
      })) {
        if (!entity.rowKey || entity.rowKey === legacyResourceGroupRowKey) continue;
        if (entity.scopeKey !== scopeKey) sharedPartitions.add(partitionKey);
        else if (rowKeys?.has(entity.rowKey)) resources.push({ partitionKey, rowKey: entity.rowKey });
      }
    }
    const groupsTable = await this.#groups();
    const groups: RowRef[] = [];
    for (const [partitionKey, group] of wantedGroups) {
      if (sharedPartitions.has(partitionKey)) continue;
      const row = groupRow(group.subscriptionId, group.name);
      const present = await orUndefinedOn404(() => groupsTable.getEntity(row.partitionKey, row.rowKey));
      if (present) groups.push(row);
    }
    return { resources, groups };
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.armInventory);
  }

  #groups(): Promise<TableClient> {
    return this.#tables.table(armResourceGroupsTable);
  }

  #manifests(): Promise<TableClient> {
    return this.#tables.table(armManifestsTable);
  }
}

interface RowRef {
  partitionKey: string;
  rowKey: string;
}

function parseGroupId(id: string): { subscriptionId: string; name: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(id);
  if (!match) return undefined;
  return { subscriptionId: match[1] ?? '', name: match[2] ?? '' };
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
