import type { TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';

import {
  classicRowKey,
  TableClassicInventoryStore,
} from '../../../../shared/adapters/tables/table-classic-inventory.store';
import { TableService } from '../../../../shared/adapters/tables/table-service';
import { tableNames } from '../../../../shared/contracts/names';
import { classicInventorySchema } from '../../../../shared/domain/classic/inventory.schema';
import {
  aCloudService,
  aNetworkSecurityGroup,
  anInventory,
  aVirtualNetwork,
} from '../../../fixtures/classic-builders';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';

describe('TableClassicInventoryStore', () => {
  const store = new TableClassicInventoryStore(testTableService());

  it('When nothing was imported, then load returns an empty inventory for the subscription', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const inventory = await store.load(subscriptionId);
    expect(inventory.subscription.id).toBe(subscriptionId);
    expect(inventory.cloudServices).toEqual([]);
  });

  it('When an inventory is saved, then it loads back equal', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const inventory = anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      cloudServices: [aCloudService({ name: 'web' }), aCloudService({ name: 'Group rg "quoted" svc' })],
      virtualNetworks: [aVirtualNetwork({ name: 'Group rg vnet' })],
      networkSecurityGroups: [aNetworkSecurityGroup()],
      roleAssignments: [{ principalId: 'p1', roleDefinitionName: 'Owner', scope: '/subscriptions/x/a/b' }],
    });
    await store.save(inventory);
    const loaded = await store.load(subscriptionId);
    const sortByName = <T extends { name: string }>(items: T[]) =>
      [...items].sort((a, b) => a.name.localeCompare(b.name));
    expect(sortByName(loaded.cloudServices)).toEqual(sortByName(inventory.cloudServices));
    expect(loaded.virtualNetworks).toEqual(inventory.virtualNetworks);
    expect(loaded.roleAssignments).toEqual(inventory.roleAssignments);
    expect(loaded.subscription).toEqual(inventory.subscription);
  });

  it('When a cloud service is larger than one table column, then it still round-trips', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const big = aCloudService({ name: 'big', description: 'x'.repeat(100_000) });
    await store.save(anInventory({ subscription: { id: subscriptionId }, cloudServices: [big] }));
    const loaded = await store.load(subscriptionId);
    expect(loaded.cloudServices[0]?.description).toHaveLength(100_000);
  });

  it('When resources are marked migrated, then load leaves them out and the rest stays', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await store.save(
      classicInventorySchema.parse({
        subscription: { id: subscriptionId },
        cloudServices: [aCloudService({ name: 'a' }), aCloudService({ name: 'b' })],
      }),
    );
    await store.markMigrated(subscriptionId, [{ collection: 'cloudServices', name: 'A' }], 'op-1');
    // Idempotent: a redelivered commit marks again, and unknown names are ignored.
    await store.markMigrated(
      subscriptionId,
      [
        { collection: 'cloudServices', name: 'a' },
        { collection: 'virtualNetworks', name: 'gone' },
      ],
      'op-1',
    );
    const loaded = await store.load(subscriptionId);
    expect(loaded.cloudServices.map((service) => service.name)).toEqual(['b']);
  });

  it('When resources are removed, then load leaves them out, absent names are skipped and migrated tombstones stay', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await store.save(
      classicInventorySchema.parse({
        subscription: { id: subscriptionId },
        cloudServices: [
          aCloudService({ name: 'a' }),
          aCloudService({ name: 'b' }),
          aCloudService({ name: 'c' }),
        ],
        networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
      }),
    );
    await store.markMigrated(subscriptionId, [{ collection: 'cloudServices', name: 'c' }], 'op-1');

    await store.remove(subscriptionId, [
      { collection: 'cloudServices', name: 'A' },
      { collection: 'cloudServices', name: 'c' },
      { collection: 'reservedIps', name: 'never-there' },
      { collection: 'networkSecurityGroups', name: 'nsg1' },
    ]);
    const loaded = await store.load(subscriptionId);
    expect(loaded.cloudServices.map((service) => service.name)).toEqual(['b']);
    expect(loaded.networkSecurityGroups).toEqual([]);
    const table = await testTableService().table(tableNames.classicInventory);
    const tombstone = await table.getEntity(
      subscriptionId.toLowerCase(),
      classicRowKey('cloudServices', 'c'),
    );
    expect(tombstone).toMatchObject({ migrated: true, migratedBy: 'op-1' });
  });

  it('When another process changes, adds, migrates and removes rows between two loads, then the second load shows each change', async () => {
    const subscriptionId = uniqueSubscriptionId();
    // Two stores on one table: two workers, each keeping the rows it read.
    const other = new TableClassicInventoryStore(testTableService());
    await store.save(
      classicInventorySchema.parse({
        subscription: { id: subscriptionId },
        cloudServices: ['a', 'b', 'c', 'd'].map((name) => aCloudService({ name, label: `${name} v1` })),
      }),
    );
    expect((await store.load(subscriptionId)).cloudServices.map((service) => service.label)).toEqual([
      'a v1',
      'b v1',
      'c v1',
      'd v1',
    ]);

    await other.save(
      classicInventorySchema.parse({
        subscription: { id: subscriptionId, registeredForMigration: true },
        cloudServices: [aCloudService({ name: 'a', label: 'a v2' }), aCloudService({ name: 'e' })],
      }),
    );
    await other.markMigrated(subscriptionId, [{ collection: 'cloudServices', name: 'b' }], 'op-1');
    await other.remove(subscriptionId, [{ collection: 'cloudServices', name: 'c' }]);

    const loaded = await store.load(subscriptionId);
    expect(loaded.subscription.registeredForMigration).toBe(true);
    expect(loaded.cloudServices.map((service) => `${service.name}: ${service.label ?? ''}`)).toEqual([
      'a: a v2',
      'd: d v1',
      `e: ${aCloudService({ name: 'e' }).label ?? ''}`,
    ]);
    // What a load returns is shared with later loads: it cannot be changed by whoever holds it.
    expect(Object.isFrozen(loaded.cloudServices[0])).toBe(true);
  });

  it('When a concurrent load keeps a newer version of a row while another load waits on its reads, then the waiting load still answers every row', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const gated = new GatedTableService();
    const loader = new TableClassicInventoryStore(gated);
    const writer = new TableClassicInventoryStore(testTableService());
    const inventory = (label: string, registered: boolean) =>
      classicInventorySchema.parse({
        subscription: { id: subscriptionId, registeredForMigration: registered },
        cloudServices: [aCloudService({ name: 'a', label })],
      });
    await writer.save(inventory('a v1', true));
    await loader.load(subscriptionId); // keeps the subscription row and `a`

    // Only `a`'s row is written: the next load reuses the subscription row and reads `a` (held at the gate).
    await (
      await testTableService().table(tableNames.classicInventory)
    ).updateEntity(
      { partitionKey: subscriptionId.toLowerCase(), rowKey: classicRowKey('cloudServices', 'a'), touched: 1 },
      'Merge',
    );
    gated.holdNextRead();
    const waiting = loader.load(subscriptionId);
    await gated.held;
    // Meanwhile the subscription row is written again and another load keeps its newer version.
    await writer.save(inventory('a v1', true));
    const other = await loader.load(subscriptionId);
    gated.release();

    const loaded = await waiting;
    expect(loaded.subscription.registeredForMigration).toBe(true);
    expect(loaded.cloudServices.map((service) => service.label)).toEqual(['a v1']);
    expect(other.subscription.registeredForMigration).toBe(true);
  });
});

/** A table service whose next point read waits until the test releases it. */
class GatedTableService extends TableService {
  #hold = false;
  #release: () => void = () => undefined;
  #reached: () => void = () => undefined;
  held: Promise<void> = Promise.resolve();

  constructor() {
    super({ kind: 'connectionString', connectionString: inject('azuriteConnectionString') });
  }

  holdNextRead(): void {
    this.#hold = true;
    this.held = new Promise((resolve) => (this.#reached = resolve));
  }

  release(): void {
    this.#release();
  }

  override async table(name: string): Promise<TableClient> {
    const client = await super.table(name);
    return new Proxy(client, {
      get: (target, property, receiver) => {
        if (property !== 'getEntity') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<TableClient['getEntity']>) => {
          if (this.#hold) {
            this.#hold = false;
            const gate = new Promise<void>((resolve) => (this.#release = resolve));
            this.#reached();
            await gate;
          }
          return target.getEntity(...args);
        };
      },
    });
  }
}
