/**
 * A VHD whose blob name contains '/' (a virtual folder) is not supported (H5 #16, D3). Azure's text has
 * two spaces after the blob name; kept.
 */
import { blobNameOfBlobUri } from '../../classic/names';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmDiskBlobNameWithSlashRule = defineRule(
  {
    code: 'VM_DISK_BLOB_NAME_WITH_SLASH',
    title: "Disk blob name contains '/'",
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {cloud-service-name} contains Disk with MediaLink {vhd-uri} which has blob name {vhd-blob-name}  that is not supported in Azure Resource Manager.',
    azureText: true,
    recommendation:
      "Copy the VHD to a blob name without '/', re-create the disk from the copy and attach it in place of the original, then retry.",
    sources: ['H5', 'D3'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      [vm.role.osDisk.mediaLink, ...vm.role.dataDisks.map((disk) => disk.mediaLink)].flatMap((uri) => {
        const blobName = blobNameOfBlobUri(uri);
        return blobName?.includes('/')
          ? [
              report(vmSubject(vm), {
                'vm-name': vm.role.name,
                'cloud-service-name': vm.cloudService.name,
                'vhd-uri': uri,
                'vhd-blob-name': blobName,
              }),
            ]
          : [];
      }),
    ),
);
