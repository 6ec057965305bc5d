/**
 * Every migratable scope of a Classic inventory (D2: the four scopes, served as six scope kinds; README,
 * The JSON API). Pure.
 * A cloud service is a scope of its own only when its deployment is not in a VNet; one in a VNet moves
 * with the VNet.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { migratableDeploymentOf } from '../classic/virtual-machines';
import type { ScopeKind } from './scope';

export interface ScopeListing {
  kind: ScopeKind;
  name: string;
  location?: string;
  /** Cloud services in a VNet scope; VMs in a cloud service scope. */
  cloudServices?: number;
  virtualMachines?: number;
}

export function scopesOf(inventory: ClassicInventory): ScopeListing[] {
  const vmsOf = (names: string[]) =>
    inventory.cloudServices
      .filter((service) => names.includes(service.name))
      .reduce(
        (count, service) =>
          count +
          (migratableDeploymentOf(service)?.roles.filter((role) => role.roleType === 'PersistentVMRole')
            .length ?? 0),
        0,
      );
  const servicesIn = (vnet: string) =>
    inventory.cloudServices
      .filter(
        (service) =>
          migratableDeploymentOf(service)?.virtualNetworkName?.toLowerCase() === vnet.toLowerCase(),
      )
      .map((service) => service.name);
  const withLocation = (location: string | undefined) => (location === undefined ? {} : { location });
  return [
    ...inventory.virtualNetworks.map((vnet) => {
      const services = servicesIn(vnet.name);
      return {
        kind: 'virtualNetwork' as const,
        name: vnet.name,
        ...withLocation(vnet.location),
        cloudServices: services.length,
        virtualMachines: vmsOf(services),
      };
    }),
    ...inventory.cloudServices
      .filter((service) => migratableDeploymentOf(service)?.virtualNetworkName === undefined)
      .map((service) => ({
        kind: 'cloudService' as const,
        name: service.name,
        ...withLocation(service.location),
        virtualMachines: vmsOf([service.name]),
      })),
    ...inventory.storageAccounts.map((account) => ({
      kind: 'storageAccount' as const,
      name: account.name,
      ...withLocation(account.location),
    })),
    ...inventory.reservedIps.map((ip) => ({
      kind: 'reservedIp' as const,
      name: ip.name,
      ...withLocation(ip.location),
    })),
    ...inventory.networkSecurityGroups.map((nsg) => ({
      kind: 'networkSecurityGroup' as const,
      name: nsg.name,
      ...withLocation(nsg.location),
    })),
    ...inventory.routeTables.map((table) => ({
      kind: 'routeTable' as const,
      name: table.name,
      ...withLocation(table.location),
    })),
  ];
}
