/**
 * The May 2016 preview refused VMs with boot diagnostics enabled, whatever storage account they wrote to:
 * the project's statement of the preview names boot diagnostics among what it could not migrate. The
 * August 2016 list narrowed this to boot diagnostics on Premium storage
 * (https://github.com/MicrosoftDocs/azure-docs/blob/02167ad3f13a51a3025247a5ff8ce998e0b8cb23/articles/virtual-machines/virtual-machines-windows-migration-classic-resource-manager.md),
 * which the final platform keeps (`VM_BOOT_DIAGNOSTICS_PREMIUM_STORAGE`). Ours.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmBootDiagnosticsNotSupportedRule = defineRule(
  {
    code: 'VM_BOOT_DIAGNOSTICS_NOT_SUPPORTED',
    title: 'Boot diagnostics (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because it has boot diagnostics enabled.',
    azureText: false,
    recommendation:
      'Not supported in 2016: disable boot diagnostics on the VM, migrate, then enable them again on the ARM VM.',
    sources: ['H2'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents)
      .filter((vm) => vm.role.debugSettings?.bootDiagnosticsEnabled === true)
      .map((vm) =>
        report(vmSubject(vm), { 'vm-name': vm.role.name, 'hosted-service-name': vm.cloudService.name }),
      ),
);
