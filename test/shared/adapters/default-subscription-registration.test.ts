import { describe, expect, it } from 'vitest';

import { DefaultSubscriptionRegistered } from '../../../shared/adapters/default-subscription-registration';
import type { ClassicInventory } from '../../../shared/domain/classic/inventory.schema';
import type { ClassicInventoryStore } from '../../../shared/ports/inventory.port';
import { anInventory } from '../../fixtures/classic-builders';

const defaultSubscription = '00000000-0000-0000-0000-000000000000';

/** An inner store whose rows say nobody is registered. */
const unregistered: ClassicInventoryStore = {
  load: (subscriptionId) =>
    Promise.resolve(anInventory({ subscription: { id: subscriptionId, registeredForMigration: false } })),
  save: (_inventory: ClassicInventory) => Promise.resolve(),
  markMigrated: () => Promise.resolve(),
  remove: () => Promise.resolve(),
};

describe('DefaultSubscriptionRegistered', () => {
  const store = new DefaultSubscriptionRegistered(unregistered, defaultSubscription.toUpperCase());

  it('When the default subscription is loaded, then it is registered for migration whatever its row says', async () => {
    expect((await store.load(defaultSubscription)).subscription.registeredForMigration).toBe(true);
  });

  it('When another subscription is loaded, then its own registration stands', async () => {
    expect(
      (await store.load('11111111-1111-1111-1111-111111111111')).subscription.registeredForMigration,
    ).toBe(false);
  });
});
