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
import { forEachLimit } from '../../domain/concurrency';
import { encodeKeyPart } from '../../domain/scope/scope';
import type { ArmInventoryStore, ArmPhase, StoredArmResource } from '../../ports/inventory.port';
import type { InventoryVersions } from '../../ports/inventory-version.port';
import { partitionConcurrency, submitInBatches } from './batches';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { changingInventory, TableInventoryVersions } from './table-inventory-versions';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

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
          // Lower-case, for the one query across scopes (`#otherManifests`): ids arrive in either case.
          subscriptionKey: subscriptionId.toLowerCase(),
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
    const plan = await this.#scopeRows(subscriptionId, scopeKey);
    const update = (list: RowRef[]): TransactionAction[] =>
      list.map(({ partitionKey, rowKey }) => ['update', { partitionKey, rowKey, phase }, 'Merge']);
    return changingInventory(this.#versions, subscriptionId, 'arm', async () => {
      await submitInBatches(await this.#groups(), update(plan.groups));
      return this.#onResources(plan, scopeKey, update);
    });
  }

  async removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    return changingInventory(this.#versions, subscriptionId, 'arm', () =>
      this.#removeScope(subscriptionId, scopeKey),
    );
  }

  async #removeScope(subscriptionId: string, scopeKey: string): Promise<number> {
    const plan = await this.#scopeRows(subscriptionId, scopeKey);
    const remove = (list: RowRef[]): TransactionAction[] =>
      list.map(({ partitionKey, rowKey }) => ['delete', { partitionKey, rowKey }]);
    // Resources, then their groups, then the manifest: until the manifest goes, a retried Abort still
    // knows what to remove, and a group never stays listed without the resources it held.
    const removed = await this.#onResources(plan, scopeKey, remove);
    await submitInBatches(await this.#groups(), remove(plan.groups));
    await submitInBatches(
      await this.#manifests(),
      plan.manifestRowKeys.map((rowKey) => ['delete', { partitionKey: manifestPartition(scopeKey), rowKey }]),
    );
    return removed;
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
   * What Commit and Abort act on, from the manifests alone (a small table): the scope's resource rows by
   * partition, and its groups that exist and hold no other scope's resources. A partition is `contested`
   * when another scope's manifest names one of the same resources (it wrote the same ID later): its rows are
   * then checked one by one for their owner. Reading each group partition instead cost a scan of the whole
   * ARM inventory per group on Azurite (see the header).
   */
  async #scopeRows(subscriptionId: string, scopeKey: string): Promise<ScopeRows> {
    const { own, manifestRowKeys, others } = await this.#subscriptionManifests(subscriptionId, scopeKey);
    const resources = new Map<string, { rowKeys: Set<string>; contested: boolean }>();
    const groups = new Map<string, { subscriptionId: string; name: string }>();
    for (const id of own) {
      const group = parseGroupId(id);
      if (group) {
        groups.set(groupPartition(group.subscriptionId, group.name), group);
        continue;
      }
      const location = locateArmId(id);
      if (!location) continue;
      const partition = resources.get(location.partitionKey) ?? {
        rowKeys: new Set<string>(),
        contested: false,
      };
      partition.rowKeys.add(location.rowKey);
      if (others.ids.has(id.toLowerCase())) partition.contested = true;
      resources.set(location.partitionKey, partition);
    }
    const groupsTable = await this.#groups();
    const presentGroups: RowRef[] = [];
    for (const [partitionKey, group] of groups) {
      // A group that also holds another scope's resources stays until that scope leaves too.
      if (others.partitions.has(partitionKey)) continue;
      const row = groupRow(group.subscriptionId, group.name);
      if (await orUndefinedOn404(() => groupsTable.getEntity(row.partitionKey, row.rowKey)))
        presentGroups.push(row);
    }
    return { resources, groups: presentGroups, manifestRowKeys };
  }

  /**
   * Every manifest of the subscription in one query: the scope's own IDs and manifest rows, and the resource
   * IDs (lower-case) other scopes' manifests name, with their partitions.
   */
  async #subscriptionManifests(
    subscriptionId: string,
    scopeKey: string,
  ): Promise<{
    own: string[];
    manifestRowKeys: string[];
    others: { ids: Set<string>; partitions: Set<string> };
  }> {
    const client = await this.#manifests();
    const own = new Map<string, string>();
    const manifestRowKeys: string[] = [];
    const ids = new Set<string>();
    const partitions = new Set<string>();
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`subscriptionKey eq ${subscriptionId.toLowerCase()}` },
    })) {
      const listed = manifestIdsSchema.parse(fromJsonColumns(entity));
      if (entity.partitionKey === manifestPartition(scopeKey)) {
        if (entity.rowKey) manifestRowKeys.push(entity.rowKey);
        for (const id of listed) own.set(id.toLowerCase(), id);
        continue;
      }
      for (const id of listed) {
        const location = locateArmId(id);
        if (!location) continue;
        ids.add(id.toLowerCase());
        partitions.add(location.partitionKey);
      }
    }
    return { own: [...own.values()], manifestRowKeys, others: { ids, partitions } };
  }

  /**
   * Applies `act` to the scope's resource rows, a partition at a time. Rows are normally all there (the
   * manifest is written first and Prepare writes every row it names), so the batches go as they are; a
   * batch that meets a missing row fails whole (404), and that partition, like a contested one, is then
   * read to act only on the rows present and the scope's own. Returns how many rows were acted on.
   */
  async #onResources(
    plan: ScopeRows,
    scopeKey: string,
    act: (rows: RowRef[]) => TransactionAction[],
  ): Promise<number> {
    const client = await this.#client();
    let count = 0;
    await forEachLimit(
      [...plan.resources],
      partitionConcurrency,
      async ([partitionKey, { rowKeys, contested }]) => {
        const rows = [...rowKeys].map((rowKey) => ({ partitionKey, rowKey }));
        if (!contested) {
          try {
            await submitInBatches(client, act(rows));
            count += rows.length;
            return;
          } catch (error) {
            if (statusOf(error) !== 404) throw error;
          }
        }
        const present = await this.#ownRows(client, partitionKey, rowKeys, scopeKey);
        await submitInBatches(client, act(present));
        count += present.length;
      },
    );
    return count;
  }

  /** The rows of `rowKeys` that exist in the partition and belong to the scope. */
  async #ownRows(
    client: TableClient,
    partitionKey: string,
    rowKeys: Set<string>,
    scopeKey: string,
  ): Promise<RowRef[]> {
    const present: RowRef[] = [];
    for await (const entity of client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'scopeKey'] },
    })) {
      if (entity.rowKey && rowKeys.has(entity.rowKey) && entity.scopeKey === scopeKey)
        present.push({ partitionKey, rowKey: entity.rowKey });
    }
    return present;
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

interface ScopeRows {
  resources: Map<string, { rowKeys: Set<string>; contested: boolean }>;
  groups: RowRef[];
  /** The scope's own manifest rows, removed last by Abort. */
  manifestRowKeys: string[];
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
