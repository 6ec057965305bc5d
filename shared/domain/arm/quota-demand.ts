/**
 * How much of each ARM regional quota a set of ARM resources uses (D4, D5: cores, NICs, load
 * balancers, public IPs, static public IPs, NSGs, route tables; plus VNets). The pre-flight quota rules
 * and the migration plan both count with these. Pure.
 */
import type { QuotaResource } from '../classic/inventory.schema';
import { coresOfArmSize } from '../classic/vm-sizes';
import type { ArmResource } from './arm-resource';

/** The resources of one ARM type (types compare case-insensitively). */
export function ofType(resources: readonly ArmResource[], type: string): ArmResource[] {
  return resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

function vmSizeOf(vm: ArmResource): string | undefined {
  const hardware = vm.properties['hardwareProfile'];
  return typeof hardware === 'object' &&
    hardware !== null &&
    'vmSize' in hardware &&
    typeof hardware.vmSize === 'string'
    ? hardware.vmSize
    : undefined;
}

const count = (type: string) => (resources: readonly ArmResource[]) => ofType(resources, type).length;

export const quotaDemands: Readonly<Record<QuotaResource, (resources: readonly ArmResource[]) => number>> = {
  // A size missing from the size table cannot be counted; it adds nothing rather than guessing.
  cores: (resources) =>
    ofType(resources, 'Microsoft.Compute/virtualMachines').reduce((sum, vm) => {
      const size = vmSizeOf(vm);
      return sum + (size === undefined ? 0 : (coresOfArmSize(size) ?? 0));
    }, 0),
  networkInterfaces: count('Microsoft.Network/networkInterfaces'),
  loadBalancers: count('Microsoft.Network/loadBalancers'),
  publicIpAddresses: count('Microsoft.Network/publicIPAddresses'),
  // Reserved IPs become static public IPs (D10); they count against both public IP quotas.
  staticPublicIpAddresses: (resources) =>
    ofType(resources, 'Microsoft.Network/publicIPAddresses').filter(
      (ip) => String(ip.properties['publicIPAllocationMethod']).toLowerCase() === 'static',
    ).length,
  networkSecurityGroups: count('Microsoft.Network/networkSecurityGroups'),
  routeTables: count('Microsoft.Network/routeTables'),
  virtualNetworks: count('Microsoft.Network/virtualNetworks'),
};

/** Plural names, as messages print them. */
export const quotaNames: Readonly<Record<QuotaResource, string>> = {
  cores: 'cores',
  networkInterfaces: 'network interfaces',
  loadBalancers: 'load balancers',
  publicIpAddresses: 'public IP addresses',
  staticPublicIpAddresses: 'static public IP addresses',
  networkSecurityGroups: 'network security groups',
  routeTables: 'route tables',
  virtualNetworks: 'virtual networks',
};
