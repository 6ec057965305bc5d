/**
 * Unattached Classic disks in the account block its migration; deleting the disk (not the VHD) breaks the
 * lease and the VHD migrates with the account (D2, D6). Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const storageAccountUnattachedDisksRule = defineRule(
  {
    code: 'STORAGE_ACCOUNT_UNATTACHED_DISKS',
    title: 'Storage account holds unattached Classic disks',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['storageAccount'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Storage account {storage-account-name} because it holds Disk {disk-name}, which is not attached to a VM.',
    azureText: false,
    recommendation:
      'Delete the Classic disk but keep its VHD (Remove-AzureDisk without -DeleteVHD); the VHD blob migrates with the account.',
    sources: ['D2', 'D6'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'storageAccount') return [];
    const account = context.contents.storageAccount;
    return context.contents.disks
      .filter((disk) => disk.attachedTo === undefined)
      .map((disk) =>
        report(scopeSubject(context), { 'storage-account-name': account.name, 'disk-name': disk.name }),
      );
  },
);
