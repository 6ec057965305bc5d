/**
 * A VM licensed through the Hybrid Use Benefit (Classic `LicenseType` `Windows_Server` or
 * `Windows_Client`) is flagged in the May 2016 preview profile, as the project's statement of the preview
 * says. The final platform migrates VM properties unchanged, and the translation keeps the value as the ARM
 * VM's `licenseType`
 * (https://learn.microsoft.com/azure/virtual-machines/windows/hybrid-use-benefit-licensing). A warning:
 * nothing in the statement blocks the migration, and the licence is what the customer is billed under, so
 * it must be checked on the ARM side. Azure's 2016 text is not known; ours.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmHybridUseBenefitRule = defineRule(
  {
    code: 'VM_HYBRID_USE_BENEFIT',
    title: 'Hybrid Use Benefit licence (2016)',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: preview2016Only,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} uses the Hybrid Use Benefit (LicenseType {license-type}). Check the license type of the Azure Resource Manager VM after migration.',
    azureText: false,
    recommendation:
      'After Prepare, check that the ARM VM has licenseType set to the same value (Get-AzureRmVM shows it); if it is missing, the VM is billed at the pay-as-you-go Windows rate until it is set again.',
    sources: ['D1'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.licenseType === undefined
        ? []
        : [
            report(vmSubject(vm), {
              'vm-name': vm.role.name,
              'hosted-service-name': vm.cloudService.name,
              'license-type': vm.role.licenseType,
            }),
          ],
    ),
);
