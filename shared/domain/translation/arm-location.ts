/**
 * Classic locations ('West US', affinity groups) → ARM locations ('westus'). Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';

/** 'West US' → 'westus', 'East US 2' → 'eastus2': ARM location names are the display name lower-cased without spaces. */
export function armLocation(classicLocation: string): string {
  return classicLocation.toLowerCase().replace(/\s+/g, '');
}

/**
 * The ARM location of a Classic resource placed by `location` or by `affinityGroup` (resolved through
 * the inventory's affinity groups); undefined when neither says.
 */
export function resolveArmLocation(
  inventory: ClassicInventory,
  placement: { location?: string | undefined; affinityGroup?: string | undefined },
): string | undefined {
  if (placement.location) return armLocation(placement.location);
  const group = findByName(inventory.affinityGroups, placement.affinityGroup);
  return group ? armLocation(group.location) : undefined;
}
