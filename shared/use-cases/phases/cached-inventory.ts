/**
 * The stores a phase analyses with: the Classic inventory as of its current version, loaded once per
 * version for every operation of the subscription (the cache keys it by the Classic part of the version,
 * so the ARM writes of other scopes' Prepares and Commits do not throw it away), and the ARM inventory
 * read afresh. Without it every Prepare and Commit scanned the subscription's whole Classic partition,
 * twice for a Prepare: with ten 100-VM VNets in a subscription, ten times the VMs of the scope.
 *
 * The inventory is shared and frozen: whatever reads it must not change it.
 */
import type { Services } from '../../composition';
import type { ArmInventoryStore, ClassicInventoryStore } from '../../ports/inventory.port';

export function cachedInventoryStores(
  services: Pick<Services, 'inventoryCache' | 'inventoryVersions' | 'classicInventory' | 'armInventory'>,
): {
  classicInventory: Pick<ClassicInventoryStore, 'load'>;
  armInventory: ArmInventoryStore;
} {
  return {
    classicInventory: { load: (subscriptionId) => services.inventoryCache.classic(services, subscriptionId) },
    armInventory: services.armInventory,
  };
}
