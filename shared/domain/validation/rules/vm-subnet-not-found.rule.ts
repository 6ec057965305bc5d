/**
 * Every subnet a VM (or one of its secondary NICs) names must exist in its VNet. Service Management never
 * let such a VM exist, but an imported estate can hold one (a netcfg exported before a subnet was renamed);
 * without this rule the translation would leave the VM behind while Prepare went ahead. Ours.
 */
import { findByName } from '../../classic/names';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmSubnetNotFoundRule = defineRule(
  {
    code: 'VM_SUBNET_NOT_FOUND',
    title: 'VM names a subnet its virtual network does not have',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} references subnet {subnet-name}, which does not exist in Virtual Network {virtual-network-name}.',
    azureText: false,
    recommendation:
      'Import the current network configuration (Get-AzureVNetConfig), or move the VM to a subnet that exists, then retry.',
    sources: ['D2'],
  },
  ({ inventory, contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) => {
      const vnetName = vm.deployment.virtualNetworkName;
      const vnet = findByName(inventory.virtualNetworks, vnetName);
      if (!vnet || vnetName === undefined) return [];
      const named = [
        ...vm.role.network.subnetNames,
        ...vm.role.network.networkInterfaces.flatMap((nic) =>
          nic.ipConfigurations.map((config) => config.subnetName),
        ),
      ].filter((name): name is string => name !== undefined);
      return [...new Set(named)]
        .filter((subnet) => !findByName(vnet.subnets, subnet))
        .map((subnet) =>
          report(vmSubject(vm), {
            'vm-name': vm.role.name,
            'hosted-service-name': vm.cloudService.name,
            'subnet-name': subnet,
            'virtual-network-name': vnet.name,
          }),
        );
    }),
);
