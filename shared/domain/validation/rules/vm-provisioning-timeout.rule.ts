/**
 * A VM whose provisioning timed out blocks migration until it is re-provisioned (D3, D5). Azure reports
 * it with the state message (H5 #13); the separate code carries the different remedy.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { instanceStatusOf, provisioningTimeoutStatus } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';
import { vmStateMessageTemplate } from './vm-state-not-migratable.rule';

export const vmProvisioningTimeoutRule = defineRule(
  {
    code: 'VM_PROVISIONING_TIMEOUT',
    title: 'VM provisioning timed out',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate: vmStateMessageTemplate,
    azureText: true,
    recommendation:
      'Re-provision the VM: delete it keeping its disks and re-create it from them (same cloud service, subnet and IP), then retry.',
    sources: ['H5', 'D3', 'D5'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents)
      .filter((vm) => instanceStatusOf(vm) === provisioningTimeoutStatus)
      .map((vm) =>
        report(vmSubject(vm), {
          'hosted-service-name': vm.cloudService.name,
          'vm-name': vm.role.name,
          'vm-state': provisioningTimeoutStatus,
        }),
      ),
);
