/**
 * A VM may reference one subnet only: its primary configuration and every secondary NIC in the same subnet
 * (D2; H6: "secondary NICs must share a subnet"). Azure's text is not published; ours.
 */
import type { VirtualMachine } from '../../classic/virtual-machines';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmMultipleSubnetsRule = defineRule(
  {
    code: 'VM_MULTIPLE_SUBNETS',
    title: 'VM references more than one subnet',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because it references multiple subnets: {subnet-names}.',
    azureText: false,
    recommendation:
      'Make the VM reference one subnet only: remove the secondary NICs that sit in another subnet (re-attach them after migration) or move them into the primary subnet.',
    sources: ['D2', 'H6'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) => {
      const subnets = subnetsOf(vm);
      return subnets.length > 1
        ? [
            report(vmSubject(vm), {
              'vm-name': vm.role.name,
              'hosted-service-name': vm.cloudService.name,
              'subnet-names': subnets.join(', '),
            }),
          ]
        : [];
    }),
);

/** Distinct subnet names (first spelling kept, compared case-insensitively), primary first. */
function subnetsOf(vm: VirtualMachine): string[] {
  const names = [
    ...vm.role.network.subnetNames,
    ...vm.role.network.networkInterfaces.flatMap((nic) =>
      nic.ipConfigurations.map((config) => config.subnetName),
    ),
  ];
  const byKey = new Map<string, string>();
  for (const name of names)
    if (name !== undefined && !byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()];
}
