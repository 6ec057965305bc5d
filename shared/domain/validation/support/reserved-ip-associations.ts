/**
 * The cloud services a reserved IP is associated with: the one recorded on the reserved IP, and every
 * deployment naming it as its reserved IP or as the reserved IP of a VIP. Pure.
 */
import type { ClassicInventory } from '../../classic/inventory.schema';
import { sameName } from '../../classic/names';
import type { ReservedIp } from '../../classic/network.schema';

export function cloudServicesUsingReservedIp(inventory: ClassicInventory, reservedIp: ReservedIp): string[] {
  const names = new Map<string, string>();
  if (reservedIp.serviceName !== undefined)
    names.set(reservedIp.serviceName.toLowerCase(), reservedIp.serviceName);
  for (const cloudService of inventory.cloudServices)
    for (const deployment of cloudService.deployments)
      if (
        sameName(deployment.reservedIpName, reservedIp.name) ||
        deployment.virtualIps.some((vip) => sameName(vip.reservedIpName, reservedIp.name))
      )
        names.set(
          cloudService.name.toLowerCase(),
          names.get(cloudService.name.toLowerCase()) ?? cloudService.name,
        );
  return [...names.values()];
}
