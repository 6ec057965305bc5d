/**
 * A VM's instance state as the migration judges it. Service Management's `InstanceStatus` is the state
 * Azure's message quotes (H5 #13: "in State: RoleStateUnknown"); a VM without a role instance is reported
 * as `RoleStateUnknown`. Pure.
 */
import { runnableInstanceStatuses } from '../../classic/compute.schema';
import type { VirtualMachine } from '../../classic/virtual-machines';

export const unknownInstanceStatus = 'RoleStateUnknown';
export const provisioningTimeoutStatus = 'ProvisioningTimeout';

export function instanceStatusOf(vm: VirtualMachine): string {
  return vm.instance?.instanceStatus ?? unknownInstanceStatus;
}

/** Running, Stopped or Stopped Deallocated: the states migration accepts (D3, D5). */
export function isMigratableState(vm: VirtualMachine): boolean {
  return (runnableInstanceStatuses as readonly string[]).includes(instanceStatusOf(vm));
}

/** Running (`ReadyRole`): the only state in which the guest agent reports extension status. */
export function isRunning(vm: VirtualMachine): boolean {
  return instanceStatusOf(vm) === 'ReadyRole';
}

export function isStoppedDeallocated(vm: VirtualMachine): boolean {
  return instanceStatusOf(vm) === 'StoppedDeallocated';
}
