/**
 * Storage accounts under the May 2016 preview: its overview has compute and network "migrated independently
 * of storage accounts", ARM VMs keeping their disks in Classic storage accounts meanwhile, and leaves the
 * storage accounts for a later step
 * (https://github.com/zhenjiao-ms/test-azure-content/blob/5ef37d9660943ed706687179bb656daaa2bcabb0/articles/virtual-machines/virtual-machines-windows-migration-classic-resource-manager.md,
 * "Storage accounts migration"). The project's statement of the preview refuses a storage account's
 * migration, and so does this profile. Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const storageAccountMigrationNotSupportedRule = defineRule(
  {
    code: 'STORAGE_ACCOUNT_MIGRATION_NOT_SUPPORTED',
    title: 'Storage account migration (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['storageAccount'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for Storage account {storage-account-name}: storage accounts cannot be migrated yet.',
    azureText: false,
    recommendation:
      'Not supported in 2016: migrate the virtual machines and virtual networks first (ARM VMs can keep their disks in the Classic storage account) and keep the storage account on Classic.',
    sources: ['H1'],
  },
  (context, report) =>
    context.contents?.kind === 'storageAccount'
      ? [report(scopeSubject(context), { 'storage-account-name': context.contents.storageAccount.name })]
      : [],
);
