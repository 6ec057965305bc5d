/**
 * Conflicting private IPs between stop-deallocated VMs in the same VNet (D1, a check only Prepare
 * ran): a deallocated VM no longer holds its address, so another VM may have taken it, and migration
 * re-creates the NIC with the address on record. One finding per deallocated VM, address and other VM.
 * Ours.
 */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { privateAddressesOf } from '../support/vm-addresses';
import { isStoppedDeallocated } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const privateIpConflictDeallocatedRule = defineRule(
  {
    code: 'PRIVATE_IP_CONFLICT_DEALLOCATED',
    title: 'Private IP conflict with a stop-deallocated VM',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} is Stopped Deallocated and its private IP address {ip-address} is also used by VM {other-vm-name} in HostedService {other-hosted-service-name}.',
    azureText: false,
    recommendation:
      'Start the deallocated VM with a free address (or give one of the VMs another static address) so that no two VMs claim the same IP, then retry Prepare.',
    sources: ['D1'],
  },
  ({ contents }, report) => {
    const vms = virtualMachinesOfScope(contents).map((vm) => ({ vm, addresses: privateAddressesOf(vm) }));
    return vms
      .filter(({ vm }) => isStoppedDeallocated(vm))
      .flatMap(({ vm, addresses }) =>
        addresses.flatMap((address) =>
          vms
            .filter((other) => other.vm !== vm && other.addresses.includes(address))
            .map((other) =>
              report(vmSubject(vm), {
                'vm-name': vm.role.name,
                'hosted-service-name': vm.cloudService.name,
                'ip-address': address,
                'other-vm-name': other.vm.role.name,
                'other-hosted-service-name': other.vm.cloudService.name,
              }),
            ),
        ),
      );
  },
);
