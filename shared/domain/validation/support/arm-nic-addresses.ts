/**
 * Private addresses held by ARM network interfaces, read from their REST shape
 * (`properties.ipConfigurations[].properties.{privateIPAddress, subnet.id}`). Properties are untyped JSON,
 * so every step is checked. Pure.
 */
import type { ArmResource } from '../../arm/arm-resource';

export const armNetworkInterfaceType = 'Microsoft.Network/networkInterfaces';

export interface NicAddress {
  nic: ArmResource;
  subnetId: string;
  address: string;
}

export function nicAddressesOf(resources: readonly ArmResource[]): NicAddress[] {
  return resources
    .filter((resource) => resource.type.toLowerCase() === armNetworkInterfaceType.toLowerCase())
    .flatMap((nic) => {
      const configurations = nic.properties['ipConfigurations'];
      if (!Array.isArray(configurations)) return [];
      return configurations.flatMap((configuration: unknown) => {
        const properties = field(configuration, 'properties');
        const address = field(properties, 'privateIPAddress');
        const subnetId = field(field(properties, 'subnet'), 'id');
        return typeof address === 'string' && typeof subnetId === 'string'
          ? [{ nic, subnetId, address }]
          : [];
      });
    });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
