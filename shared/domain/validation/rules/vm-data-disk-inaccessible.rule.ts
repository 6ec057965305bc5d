/** The VHD behind a data disk could not be read (H5 #15, D3). */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmDataDiskInaccessibleRule = defineRule(
  {
    code: 'VM_DATA_DISK_INACCESSIBLE',
    title: 'Data disk VHD not accessible',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'A storage exception occurred while validating data disk {data disk name} with media link {data disk Uri} for VM {VM name} in Cloud Service {Cloud Service name}. Please ensure that the VHD media link is accessible for this virtual machine',
    azureText: true,
    recommendation:
      'Make sure the blob exists and its storage account is reachable (not deleted, not firewalled); detach the disk if its VHD is gone, then retry.',
    sources: ['H5', 'D3'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.dataDisks
        .filter((disk) => !disk.mediaLinkAccessible)
        .map((disk) =>
          report(vmSubject(vm), {
            'data disk name': disk.diskName,
            'data disk Uri': disk.mediaLink,
            'VM name': vm.role.name,
            'Cloud Service name': vm.cloudService.name,
          }),
        ),
    ),
);
