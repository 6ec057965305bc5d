/**
 * VMs protected by Azure Site Recovery migrate, storage included, but replication does not carry over and
 * must be enabled again (D2). A warning; ours.
 */
import { siteRecoveryExtensionPatterns } from '../support/extension-catalogue';
import { vmSubject } from '../support/scope-subjects';
import { installedVmExtensions, vmExtensionParameters } from '../support/vm-extensions';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmSiteRecoveryExtensionRule = defineRule(
  {
    code: 'VM_SITE_RECOVERY_EXTENSION',
    title: 'Azure Site Recovery extension',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension {extension-name} of Azure Site Recovery. The VM and its storage will be migrated, but replication will not.',
    azureText: false,
    recommendation:
      'After migration, disable replication of the Classic VM in the Recovery Services vault and enable it again for the ARM VM.',
    sources: ['D2'],
  },
  ({ contents, profile }, report) =>
    installedVmExtensions(contents, siteRecoveryExtensionPatterns, profile).map((found) =>
      report(vmSubject(found.vm), vmExtensionParameters(found)),
    ),
);
