/**
 * The private IP addresses a VM holds or claims: static addresses of its NICs (they are re-applied by
 * migration) and the addresses its instance last reported. Pure.
 */
import type { VirtualMachine } from '../../classic/virtual-machines';
import { parseIpv4 } from '../../network/ipv4';

export function privateAddressesOf(vm: VirtualMachine): string[] {
  const addresses = [
    vm.role.network.staticVirtualNetworkIPAddress,
    ...vm.role.network.networkInterfaces.flatMap((nic) =>
      nic.ipConfigurations.map((config) => config.staticVirtualNetworkIPAddress),
    ),
    vm.instance?.ipAddress,
    ...(vm.instance?.networkInterfaceAddresses.flatMap((nic) => nic.addresses) ?? []),
  ];
  const unique = new Set<string>();
  for (const address of addresses)
    if (address !== undefined && parseIpv4(address) !== undefined) unique.add(address.trim());
  return [...unique];
}
