/**
 * What a migration does to running VMs, per VM, for the plan shown before Prepare (D1, D2):
 * VMs not in a VNet are stopped, deallocated and started again — their internal IPs change, a VIP that
 * is not reserved changes and so do instance-level public IPs; VMs in a VNet are untouched (only
 * metadata moves). Pure.
 */
import { isReservedVip, reservedIpNameOfVip } from '../classic/virtual-ips';
import { virtualMachinesOf } from '../classic/virtual-machines';
import type { ScopeContents } from '../scope/scope-contents';
import { virtualMachineClassicId } from './classic-ids';

export type DataPlaneEffect =
  | { kind: 'stop-deallocate' }
  | { kind: 'start' }
  | { kind: 'internal-ip-changes'; from: string | undefined }
  | { kind: 'vip-changes'; vip: string | undefined }
  | { kind: 'vip-kept'; vip: string | undefined; reservedIpName: string | undefined }
  | { kind: 'instance-public-ip-changes'; name: string; from: string | undefined };

export interface VmDataPlaneEffects {
  classicId: string;
  cloudService: string;
  vm: string;
  /** Empty when nothing happens to the running VM. */
  effects: DataPlaneEffect[];
}

/** The data-plane effects of migrating a scope, one entry per VM it migrates. Pure. */
export function dataPlaneEffectsPerVm(subscriptionId: string, contents: ScopeContents): VmDataPlaneEffects[] {
  if (contents.kind !== 'virtualNetwork' && contents.kind !== 'cloudService') return [];
  return contents.deployments.flatMap(({ cloudService, deployment }) =>
    virtualMachinesOf(cloudService, deployment).map((vm) => {
      const classicId = virtualMachineClassicId(subscriptionId, cloudService, deployment, vm.role.name);
      const base = { classicId, cloudService: cloudService.name, vm: vm.role.name };
      if (deployment.virtualNetworkName !== undefined) return { ...base, effects: [] };
      const vipEffects: DataPlaneEffect[] = deployment.virtualIps.map((vip, index) => {
        const reservedIpName = reservedIpNameOfVip(deployment, vip, index);
        return isReservedVip(deployment, vip, index)
          ? { kind: 'vip-kept', vip: vip.address, reservedIpName }
          : { kind: 'vip-changes', vip: vip.address };
      });
      const effects: DataPlaneEffect[] = [
        { kind: 'stop-deallocate' },
        { kind: 'internal-ip-changes', from: vm.instance?.ipAddress },
        ...vipEffects,
        ...vm.role.network.publicIps.map((publicIp) => ({
          kind: 'instance-public-ip-changes' as const,
          name: publicIp.name,
          from: vm.instance?.publicIpAddresses.find((p) => p.name === publicIp.name)?.address,
        })),
        { kind: 'start' },
      ];
      return { ...base, effects };
    }),
  );
}
