/**
 * Boot diagnostics writing to Premium storage are not supported (D2, H2). The account is the one of the
 * diagnostics blob URIs, looked up in the inventory; an account the inventory does not hold is not judged.
 */
import { findByName, storageAccountOfBlobUri } from '../../classic/names';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmBootDiagnosticsPremiumRule = defineRule(
  {
    code: 'VM_BOOT_DIAGNOSTICS_PREMIUM_STORAGE',
    title: 'Boot diagnostics on Premium storage',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because it has boot diagnostics enabled on Premium storage account {storage-account-name}.',
    azureText: false,
    recommendation:
      'Disable boot diagnostics on the VM, migrate, then enable them again on a Standard storage account.',
    sources: ['D2', 'H2'],
  },
  ({ inventory, contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) => {
      const settings = vm.role.debugSettings;
      if (!settings?.bootDiagnosticsEnabled) return [];
      const accounts = new Set(
        [settings.consoleScreenshotBlobUri, settings.serialOutputBlobUri]
          .map((uri) => (uri === undefined ? undefined : storageAccountOfBlobUri(uri)))
          .filter((name): name is string => name !== undefined),
      );
      return [...accounts]
        .map((name) => findByName(inventory.storageAccounts, name))
        .filter((account) => account?.accountType === 'Premium_LRS')
        .map((account) =>
          report(vmSubject(vm), {
            'vm-name': vm.role.name,
            'hosted-service-name': vm.cloudService.name,
            'storage-account-name': account?.name ?? '',
          }),
        );
    }),
);
