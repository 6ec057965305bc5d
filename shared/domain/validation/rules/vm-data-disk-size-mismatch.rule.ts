/**
 * A data disk whose page blob size differs from its logical size migrates without a size (H5 #14: a
 * warning, migration continues). A fixed VHD's blob is the logical size plus its 512-byte footer, so both
 * the bare size and size + 512 count as a match. Unknown blob sizes are not judged.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

const bytesPerGiB = 1024 ** 3;
const vhdFooterBytes = 512;

export const vmDataDiskSizeMismatchRule = defineRule(
  {
    code: 'VM_DATA_DISK_SIZE_MISMATCH',
    title: 'Data disk blob size differs from its logical size',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} contains a VM {vm-name} with Data Disk {data-disk-name} whose physical blob size {size-of-the-vhd-blob-backing-the-data-disk} bytes does not match the VM Data Disk logical size {size-of-the-data-disk-specified-in-the-vm-api} bytes. Migration will proceed without specifying a size for the data disk for the Azure Resource Manager VM.',
    azureText: true,
    recommendation:
      'Nothing blocks the migration. To keep an explicit size, resize the blob or the disk so that they agree before migrating, or set the size on the ARM VM afterwards.',
    sources: ['H5', 'D3'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.dataDisks.flatMap((disk) => {
        if (disk.blobSizeBytes === undefined) return [];
        const logicalBytes = disk.logicalDiskSizeInGB * bytesPerGiB;
        if (disk.blobSizeBytes === logicalBytes || disk.blobSizeBytes === logicalBytes + vhdFooterBytes)
          return [];
        return [
          report(vmSubject(vm), {
            'deployment-name': vm.deployment.name,
            'hosted-service-name': vm.cloudService.name,
            'vm-name': vm.role.name,
            'data-disk-name': disk.diskName,
            'size-of-the-vhd-blob-backing-the-data-disk': disk.blobSizeBytes,
            'size-of-the-data-disk-specified-in-the-vm-api': logicalBytes,
          }),
        ];
      }),
    ),
);
