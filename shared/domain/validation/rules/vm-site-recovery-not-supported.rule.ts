/**
 * The May 2016 preview advised against migrating VMs protected by Azure Site Recovery: "At this time, we
 * recommend that you don't run migration if you're using these functionalities"
 * (https://github.com/zhenjiao-ms/test-azure-content/blob/5ef37d9660943ed706687179bb656daaa2bcabb0/articles/virtual-machines/virtual-machines-windows-migration-classic-resource-manager.md,
 * FAQ). Under that profile a VM with the Site Recovery mobility agent blocks the migration; the final
 * platform migrates it and warns instead (`VM_SITE_RECOVERY_EXTENSION`). Azure Backup's snapshot
 * extension, named in the same answer, is refused in both profiles (`VM_SNAPSHOT_EXTENSION`). Ours.
 */
import { siteRecoveryExtensionPatterns } from '../support/extension-catalogue';
import { vmSubject } from '../support/scope-subjects';
import { installedVmExtensions, vmExtensionParameters } from '../support/vm-extensions';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmSiteRecoveryNotSupportedRule = defineRule(
  {
    code: 'VM_SITE_RECOVERY_NOT_SUPPORTED',
    title: 'Azure Site Recovery (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because it is protected by Azure Site Recovery (Extension {extension-name}).',
    azureText: false,
    recommendation:
      'Not supported in 2016: keep the VM on Classic, or disable its replication, migrate, then enable replication again for the ARM VM.',
    sources: ['H1'],
  },
  ({ contents, profile }, report) =>
    installedVmExtensions(contents, siteRecoveryExtensionPatterns, profile).map((found) =>
      report(vmSubject(found.vm), vmExtensionParameters(found)),
    ),
);
