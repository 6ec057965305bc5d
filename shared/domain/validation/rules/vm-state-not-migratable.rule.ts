/**
 * VMs must be Running, Stopped or Stopped Deallocated (H5 #13, D3, D5). The message quotes the instance
 * status; a VM without an instance is `RoleStateUnknown`. Provisioning timeouts have their own rule
 * (VM_PROVISIONING_TIMEOUT) because the remedy differs.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { instanceStatusOf, isMigratableState, provisioningTimeoutStatus } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

/** H5 #13, with the quoted state (`RoleStateUnknown` in Azure's example) as a placeholder. */
export const vmStateMessageTemplate =
  'Migration is not allowed for HostedService {hosted-service-name} because it has VM {vm-name} in State: {vm-state}. Migration is allowed only when the VM is in one of the following states - Running, Stopped, Stopped Deallocated.';

export const vmStateNotMigratableRule = defineRule(
  {
    code: 'VM_STATE_NOT_MIGRATABLE',
    title: 'VM not Running, Stopped or Stopped Deallocated',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate: vmStateMessageTemplate,
    azureText: true,
    recommendation:
      'The VM may be in a state transition: wait until it is Running, Stopped or Stopped Deallocated and retry. If it stays in RoleStateUnknown, stop-deallocate it or restart it.',
    sources: ['H5', 'D3', 'D5'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents)
      .filter((vm) => !isMigratableState(vm) && instanceStatusOf(vm) !== provisioningTimeoutStatus)
      .map((vm) =>
        report(vmSubject(vm), {
          'hosted-service-name': vm.cloudService.name,
          'vm-name': vm.role.name,
          'vm-state': instanceStatusOf(vm),
        }),
      ),
);
