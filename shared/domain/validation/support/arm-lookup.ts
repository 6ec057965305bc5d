/**
 * Lookups in the current ARM inventory. ARM names and IDs compare case-insensitively. Pure.
 */
import type { ArmResource } from '../../arm/arm-resource';
import type { ExistingArmInventory } from '../validation-context';

/** The resource group segment of an ARM resource ID. */
export function resourceGroupOfId(id: string): string | undefined {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1];
}

export function sameArmName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** An ARM resource of a type, by resource group and name. */
export function findArmResource(
  arm: ExistingArmInventory,
  type: string,
  resourceGroup: string,
  name: string,
): ArmResource | undefined {
  return arm.resources.find(
    (resource) =>
      sameArmName(resource.type, type) &&
      sameArmName(resource.name, name) &&
      sameArmName(resourceGroupOfId(resource.id), resourceGroup),
  );
}

/** The names of a VNet resource's subnets (`properties.subnets[].name`). */
export function subnetNamesOf(virtualNetwork: ArmResource): string[] {
  const subnets = virtualNetwork.properties['subnets'];
  if (!Array.isArray(subnets)) return [];
  return subnets.flatMap((subnet: unknown) =>
    typeof subnet === 'object' && subnet !== null && 'name' in subnet && typeof subnet.name === 'string'
      ? [subnet.name]
      : [],
  );
}
