/** Inventory versions in memory: a counter per subscription and inventory, and how often they were read. */
import type { InventoryPart, InventoryVersions } from '../../shared/ports/inventory-version.port';

export class InMemoryInventoryVersions implements InventoryVersions {
  readonly #versions = new Map<string, number>();
  reads = 0;

  current(subscriptionId: string): Promise<string> {
    this.reads++;
    const key = subscriptionId.toLowerCase();
    const of = (inventory: InventoryPart) => this.#versions.get(`${key}|${inventory}`) ?? 0;
    return Promise.resolve(`${of('classic')}.${of('arm')}`);
  }

  bump(subscriptionId: string, inventory: InventoryPart = 'classic'): Promise<void> {
    const key = `${subscriptionId.toLowerCase()}|${inventory}`;
    this.#versions.set(key, (this.#versions.get(key) ?? 0) + 1);
    return Promise.resolve();
  }
}
