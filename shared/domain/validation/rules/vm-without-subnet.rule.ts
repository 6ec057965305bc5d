/** A VM in a VNet must name its subnet explicitly (D2). Azure's text is not published; ours. */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmWithoutSubnetRule = defineRule(
  {
    code: 'VM_WITHOUT_SUBNET',
    title: 'VM in a virtual network without an explicit subnet',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because it is in Virtual Network {virtual-network-name} without an explicit subnet.',
    azureText: false,
    recommendation:
      'Such a VM cannot be given a subnet in place: delete the VM (keeping its disks) and re-create it in a subnet, or delete it, then retry.',
    sources: ['D2'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.deployment.virtualNetworkName !== undefined && vm.role.network.subnetNames.length === 0
        ? [
            report(vmSubject(vm), {
              'vm-name': vm.role.name,
              'hosted-service-name': vm.cloudService.name,
              'virtual-network-name': vm.deployment.virtualNetworkName,
            }),
          ]
        : [],
    ),
);
