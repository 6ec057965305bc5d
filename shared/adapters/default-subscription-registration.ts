/**
 * The demo/default subscription (`DEFAULT_SUBSCRIPTION_ID`) is registered for migration (README, The JSON
 * API): a Classic inventory store whose `load` reports it registered whatever its stored row says (a bare import
 * or demo load may never write one). Other subscriptions register through the ARM provider-registration
 * endpoint, which writes `subscription.registeredForMigration`.
 */
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import type { ClassicInventoryStore, ClassicResourceRef } from '../ports/inventory.port';

export class DefaultSubscriptionRegistered implements ClassicInventoryStore {
  readonly #inner: ClassicInventoryStore;
  readonly #defaultSubscriptionId: string;

  constructor(inner: ClassicInventoryStore, defaultSubscriptionId: string) {
    this.#inner = inner;
    this.#defaultSubscriptionId = defaultSubscriptionId.toLowerCase();
  }

  async load(subscriptionId: string): Promise<ClassicInventory> {
    const inventory = await this.#inner.load(subscriptionId);
    return subscriptionId.toLowerCase() === this.#defaultSubscriptionId
      ? { ...inventory, subscription: { ...inventory.subscription, registeredForMigration: true } }
      : inventory;
  }

  save(inventory: ClassicInventory): Promise<void> {
    return this.#inner.save(inventory);
  }

  markMigrated(subscriptionId: string, resources: ClassicResourceRef[], operationId: string): Promise<void> {
    return this.#inner.markMigrated(subscriptionId, resources, operationId);
  }

  remove(subscriptionId: string, resources: ClassicResourceRef[]): Promise<void> {
    return this.#inner.remove(subscriptionId, resources);
  }
}
