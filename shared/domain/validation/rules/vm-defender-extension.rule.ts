/**
 * VMs with the Microsoft Defender for Cloud (Security Center) extension are not supported; disabling the
 * policy removes the extension (D2; in 2016 GA: "disable the policy 3 hours before", H2). Ours.
 */
import { defenderExtensionPatterns } from '../support/extension-catalogue';
import { vmSubject } from '../support/scope-subjects';
import { installedVmExtensions, vmExtensionParameters } from '../support/vm-extensions';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmDefenderExtensionRule = defineRule(
  {
    code: 'VM_DEFENDER_FOR_CLOUD_EXTENSION',
    title: 'Microsoft Defender for Cloud extension',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension {extension-name} of Microsoft Defender for Cloud which is not supported for Migration.',
    azureText: false,
    recommendation:
      'Disable the Defender for Cloud (Security Center) policy that installs the extension, which removes it; wait until it is gone, migrate, then enable the policy again.',
    sources: ['D2', 'H2'],
  },
  ({ contents, profile }, report) =>
    installedVmExtensions(contents, defenderExtensionPatterns, profile).map((found) =>
      report(vmSubject(found.vm), vmExtensionParameters(found)),
    ),
);
