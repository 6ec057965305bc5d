/**
 * The local Service Bus namespace layout (queues, topics and their subscriptions), persisted in a table so that
 * a sender in any process fans a topic message out to every subscription the dev host knows about.
 */
import { odata } from '@azure/data-tables';
import { z } from 'zod';

import { StorageClients } from './storage-clients';
import { canonicalEntityPath, encodeKey, localServiceBusTables, subscriptionPath } from './storage-names';

export type EntityKind = 'queue' | 'topic' | 'subscription';

export interface TopologyEntry {
  /** Entity path as declared (queue name, topic name, or `<topic>/Subscriptions/<name>`). */
  path: string;
  kind: EntityKind;
  requiresSession: boolean;
  /** Subscription names, for topics. */
  subscriptions: string[];
}

/** Where a message sent to an entity ends up. */
export interface DeliveryTarget {
  path: string;
  requiresSession: boolean;
}

const topologyPartition = 'entity';
const cacheTtlMs = 2_000;

const topologyRowSchema = z.object({
  path: z.string(),
  kind: z.enum(['queue', 'topic', 'subscription']),
  requiresSession: z.boolean(),
  subscriptions: z.string(),
});

export class EntityTopology {
  readonly #clients: StorageClients;
  #cache: { loadedAt: number; entries: Map<string, TopologyEntry> } | undefined;

  constructor(clients: StorageClients) {
    this.#clients = clients;
  }

  /** Declares entities (idempotent; called by every dev host worker at start). */
  async declare(entries: TopologyEntry[]): Promise<void> {
    const table = await this.#clients.table(localServiceBusTables.topology);
    for (const entry of entries) {
      await table.upsertEntity(
        {
          partitionKey: topologyPartition,
          rowKey: encodeKey(canonicalEntityPath(entry.path)),
          path: entry.path,
          kind: entry.kind,
          requiresSession: entry.requiresSession,
          subscriptions: JSON.stringify([...new Set(entry.subscriptions)]),
        },
        'Replace',
      );
    }
    this.#cache = undefined;
  }

  async describe(entityPath: string): Promise<TopologyEntry | undefined> {
    const key = canonicalEntityPath(entityPath);
    let entries = await this.#entries(false);
    if (!entries.has(key)) entries = await this.#entries(true);
    return entries.get(key);
  }

  /**
   * The queues a message sent to `entityName` lands in. An entity nobody declared is treated as a plain queue
   * (created on first send), so a product can send before any consumer is registered.
   */
  async resolveTargets(entityName: string): Promise<DeliveryTarget[]> {
    const entry = await this.describe(entityName);
    if (!entry) return [{ path: entityName, requiresSession: false }];
    if (entry.kind !== 'topic') return [{ path: entry.path, requiresSession: entry.requiresSession }];
    const targets: DeliveryTarget[] = [];
    for (const subscription of entry.subscriptions) {
      const path = subscriptionPath(entry.path, subscription);
      const declared = await this.describe(path);
      targets.push({ path, requiresSession: declared?.requiresSession ?? false });
    }
    return targets;
  }

  async #entries(refresh: boolean): Promise<Map<string, TopologyEntry>> {
    if (!refresh && this.#cache && Date.now() - this.#cache.loadedAt < cacheTtlMs) return this.#cache.entries;
    const table = await this.#clients.table(localServiceBusTables.topology);
    const entries = new Map<string, TopologyEntry>();
    const rows = table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${topologyPartition}` },
    });
    for await (const row of rows) {
      const parsed = topologyRowSchema.parse(row);
      entries.set(canonicalEntityPath(parsed.path), {
        path: parsed.path,
        kind: parsed.kind,
        requiresSession: parsed.requiresSession,
        subscriptions: z.array(z.string()).parse(JSON.parse(parsed.subscriptions)),
      });
    }
    this.#cache = { loadedAt: Date.now(), entries };
    return entries;
  }
}
