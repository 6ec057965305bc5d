/**
 * The names of a VNet scope's virtual network and subnets, Classic and ARM: the ARM names the translation
 * plans when the planned resources are known (they follow the naming policy), else the default naming's
 * (the Classic name with characters ARM rejects replaced). Pure.
 */
import type { ArmResource } from '../../arm/arm-resource';
import type { VirtualNetworkSite } from '../../classic/network.schema';
import { defaultNameFromClassicName } from '../../naming/name-sanitizer';

export interface VnetObjectName {
  /** How a message names the kind: `Virtual Network` or `Subnet`. */
  kind: 'Virtual Network' | 'Subnet';
  classicName: string;
  armName: string;
}

/** The VNet, then its subnets in netcfg order. */
export function vnetObjectNames(
  vnet: VirtualNetworkSite,
  plannedResources: readonly ArmResource[] | undefined,
): VnetObjectName[] {
  const planned = plannedVnet(plannedResources);
  const plannedSubnets = (planned?.properties['subnets'] as { name?: unknown }[] | undefined) ?? [];
  return [
    {
      kind: 'Virtual Network',
      classicName: vnet.name,
      armName: planned?.name ?? defaultNameFromClassicName(vnet.name, 'Microsoft.Network/virtualNetworks'),
    },
    ...vnet.subnets.map((subnet, index) => {
      // The translation writes the subnets in netcfg order (virtual-network.translate.ts).
      const plannedName = plannedSubnets[index]?.name;
      return {
        kind: 'Subnet' as const,
        classicName: subnet.name,
        armName:
          typeof plannedName === 'string'
            ? plannedName
            : defaultNameFromClassicName(subnet.name, 'Microsoft.Network/virtualNetworks/subnets'),
      };
    }),
  ];
}

/** True when a Classic name holds whitespace, which no ARM name may. */
export function hasSpaces(name: string): boolean {
  return /\s/.test(name);
}

/** The one virtual network a VNet scope's translation plans; undefined when unknown or ambiguous. */
function plannedVnet(resources: readonly ArmResource[] | undefined): ArmResource | undefined {
  const vnets = (resources ?? []).filter(
    (resource) => resource.type.toLowerCase() === 'microsoft.network/virtualnetworks',
  );
  return vnets.length === 1 ? vnets[0] : undefined;
}
