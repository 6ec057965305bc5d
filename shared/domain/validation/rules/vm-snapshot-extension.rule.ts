/** Azure Backup's VMSnapshot / VMSnapshotLinux extensions block migration (H5 #6, D2, D4 FAQ workaround). */
import { isInstalled, matchesAny, snapshotExtensionPatterns } from '../support/extension-catalogue';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmSnapshotExtensionRule = defineRule(
  {
    code: 'VM_SNAPSHOT_EXTENSION',
    title: 'Backup snapshot extension (VMSnapshot)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension VMSnapshot/VMSnapshotLinux which is currently not supported for Migration. Uninstall it from the VM and add it back using Azure Resource Manager after the Migration is Complete',
    azureText: true,
    recommendation:
      'Stop protection in Azure Backup (keeping the recovery points), uninstall the extension, migrate, then protect the ARM VM again.',
    sources: ['H5', 'D2', 'D4'],
  },
  ({ contents, profile }, report) =>
    virtualMachinesOfScope(contents)
      .filter((vm) =>
        vm.role.extensions.some(
          (extension) => isInstalled(extension) && matchesAny(extension, snapshotExtensionPatterns, profile),
        ),
      )
      .map((vm) =>
        report(vmSubject(vm), { 'vm-name': vm.role.name, 'hosted-service-name': vm.cloudService.name }),
      ),
);
