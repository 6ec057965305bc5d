/** Seeding the demo estate into the Classic inventory on Azure Tables (Azurite). */
import { describe, expect, it } from 'vitest';

import { TableClassicInventoryStore } from '../../../shared/adapters/tables/table-classic-inventory.store';
import { loadDemoInventory } from '../../../shared/demo/load-demo-inventory';
import { seedDemoData } from '../../../shared/demo/seed-demo-data';
import type { ClassicInventory } from '../../../shared/domain/classic/inventory.schema';
import type { ClassicInventoryStore } from '../../../shared/ports/inventory.port';
import { aCloudService, anInventory } from '../../fixtures/classic-builders';
import { testTableService, uniqueSubscriptionId } from '../../support/storage';

const store = new TableClassicInventoryStore(testTableService());

const names = (items: readonly { name: string }[]) => items.map((item) => item.name).sort();

/** Compares what matters of two inventories regardless of the order Tables lists rows in. */
function expectSameEstate(actual: ClassicInventory, expected: ClassicInventory): void {
  expect(actual.subscription).toEqual(expected.subscription);
  expect(names(actual.cloudServices)).toEqual(names(expected.cloudServices));
  expect(names(actual.virtualNetworks)).toEqual(names(expected.virtualNetworks));
  expect(names(actual.storageAccounts)).toEqual(names(expected.storageAccounts));
  expect(names(actual.reservedIps)).toEqual(names(expected.reservedIps));
  expect(actual.roleAssignments).toHaveLength(expected.roleAssignments.length);
  const web = (inventory: ClassicInventory) => inventory.cloudServices.find((s) => s.name === 'contoso-web');
  expect(web(actual)).toEqual(web(expected));
}

describe('seedDemoData', () => {
  it('When the subscription has no inventory, then the whole demo estate is saved and loads back', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const outcome = await seedDemoData({ store, subscriptionId });
    expect(outcome).toMatchObject({ seeded: true, subscriptionId });
    expectSameEstate(await store.load(subscriptionId), loadDemoInventory({ subscriptionId }));
  });

  it('When it runs again, then it leaves the subscription alone', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await seedDemoData({ store, subscriptionId });
    let loads = 0;
    const second = await seedDemoData({
      store,
      subscriptionId,
      loadDemo: (id) => {
        loads++;
        return loadDemoInventory({ subscriptionId: id });
      },
    });
    expect(second).toMatchObject({ seeded: false });
    expect(loads).toBe(0);
  });

  it('When the store reports the empty subscription as registered, then the demo is still seeded', async () => {
    const subscriptionId = uniqueSubscriptionId();
    // As the composition root's store does for the default subscription (registered by design).
    const registered: ClassicInventoryStore = {
      load: async (id) => {
        const inventory = await store.load(id);
        return { ...inventory, subscription: { ...inventory.subscription, registeredForMigration: true } };
      },
      save: (inventory) => store.save(inventory),
      markMigrated: (id, resources, operationId) => store.markMigrated(id, resources, operationId),
      remove: (id, resources) => store.remove(id, resources),
    };
    expect(await seedDemoData({ store: registered, subscriptionId })).toMatchObject({ seeded: true });
  });

  it('When several workers seed at once, then every one succeeds and the estate is there once', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const outcomes = await Promise.all([1, 2, 3].map(() => seedDemoData({ store, subscriptionId })));
    expect(outcomes.every((o) => o.subscriptionId === subscriptionId)).toBe(true);
    expectSameEstate(await store.load(subscriptionId), loadDemoInventory({ subscriptionId }));
  });

  it('When the subscription already holds an imported inventory, then the demo is not mixed into it', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await store.save(
      anInventory({ subscription: { id: subscriptionId }, cloudServices: [aCloudService({ name: 'mine' })] }),
    );
    expect(await seedDemoData({ store, subscriptionId })).toMatchObject({ seeded: false });
    expect(names((await store.load(subscriptionId)).cloudServices)).toEqual(['mine']);
  });

  it('When every seeded resource was committed away, then a restart does not bring the estate back', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await seedDemoData({ store, subscriptionId });
    const seeded = await store.load(subscriptionId);
    await store.markMigrated(
      subscriptionId,
      [
        ...seeded.cloudServices.map((s) => ({ collection: 'cloudServices' as const, name: s.name })),
        ...seeded.virtualNetworks.map((v) => ({ collection: 'virtualNetworks' as const, name: v.name })),
      ],
      'op-commit',
    );
    expect(await seedDemoData({ store, subscriptionId })).toMatchObject({ seeded: false });
    expect((await store.load(subscriptionId)).cloudServices).toEqual([]);
  });
});
