/** Inventory versions in memory: a counter per subscription, and how often each was read. */
import type { InventoryVersions } from '../../shared/ports/inventory-version.port';

export class InMemoryInventoryVersions implements InventoryVersions {
  readonly #versions = new Map<string, number>();
  reads = 0;

  current(subscriptionId: string): Promise<string> {
    this.reads++;
    return Promise.resolve(String(this.#versions.get(subscriptionId.toLowerCase()) ?? 0));
  }

  bump(subscriptionId: string): Promise<void> {
    const key = subscriptionId.toLowerCase();
    this.#versions.set(key, (this.#versions.get(key) ?? 0) + 1);
    return Promise.resolve();
  }
}
