/** Classic VM images with disks in the account block its migration (D2, D6). Ours. */
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const storageAccountVmImagesRule = defineRule(
  {
    code: 'STORAGE_ACCOUNT_VM_IMAGES',
    title: 'Storage account holds Classic VM images',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['storageAccount'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Storage account {storage-account-name} because it holds the disks of VM image {image-name}.',
    azureText: false,
    recommendation:
      'Delete the Classic VM image but keep its VHDs (Remove-AzureVMImage); the blobs migrate with the account and can back an ARM image afterwards.',
    sources: ['D2', 'D6'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'storageAccount') return [];
    const account = context.contents.storageAccount;
    return context.contents.vmImages.map((image) =>
      report(scopeSubject(context), { 'storage-account-name': account.name, 'image-name': image.name }),
    );
  },
);
