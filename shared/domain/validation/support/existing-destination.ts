/**
 * The existing ARM VNet a cloud service is to land in (`DestinationVirtualNetwork = Existing`, C4, D6),
 * looked up in the current ARM inventory. Nothing to judge without an `Existing` destination, a deployment or
 * the ARM inventory. Pure.
 */
import type { ArmResource } from '../../arm/arm-resource';
import type { CloudService } from '../../classic/compute.schema';
import type { ClassicInventory } from '../../classic/inventory.schema';
import { findByName } from '../../classic/names';
import type { DeploymentInScope } from '../../scope/scope-contents';
import type { ExistingArmInventory, ValidationInput } from '../validation-context';
import { findArmResource, resourceGroupOfId, sameArmName, subnetNamesOf } from './arm-lookup';

export const armVirtualNetworkType = 'Microsoft.Network/virtualNetworks';

export interface ExistingDestinationTarget {
  deployment: DeploymentInScope;
  resourceGroupName: string;
  virtualNetworkName: string;
  subnetName: string;
  arm: ExistingArmInventory;
  /** Undefined when the VNet does not exist in that resource group. */
  virtualNetwork: ArmResource | undefined;
}

export function existingDestinationOf(input: ValidationInput): ExistingDestinationTarget | undefined {
  const { contents, destination, existingArm } = input;
  if (contents?.kind !== 'cloudService' || destination?.type !== 'Existing' || existingArm === undefined)
    return undefined;
  const deployment = contents.deployments[0];
  if (deployment === undefined) return undefined;
  return {
    deployment,
    resourceGroupName: destination.resourceGroupName,
    virtualNetworkName: destination.virtualNetworkName,
    subnetName: destination.subnetName,
    arm: existingArm,
    virtualNetwork: findArmResource(
      existingArm,
      armVirtualNetworkType,
      destination.resourceGroupName,
      destination.virtualNetworkName,
    ),
  };
}

/** Subnets of an ARM VNet: inline in `properties.subnets`, or as `virtualNetworks/subnets` child resources. */
export function subnetsOfArmVirtualNetwork(arm: ExistingArmInventory, virtualNetwork: ArmResource): string[] {
  const children = arm.resources
    .filter(
      (resource) =>
        sameArmName(resource.type, `${armVirtualNetworkType}/subnets`) &&
        sameArmName(resourceGroupOfId(resource.id), resourceGroupOfId(virtualNetwork.id)) &&
        resource.name.toLowerCase().startsWith(`${virtualNetwork.name.toLowerCase()}/`),
    )
    .map((resource) => resource.name.slice(virtualNetwork.name.length + 1));
  return [...subnetNamesOf(virtualNetwork), ...children];
}

/** A cloud service's region: its own, or its affinity group's. */
export function locationOfCloudService(
  inventory: ClassicInventory,
  cloudService: CloudService,
): string | undefined {
  return cloudService.location ?? findByName(inventory.affinityGroups, cloudService.affinityGroup)?.location;
}
