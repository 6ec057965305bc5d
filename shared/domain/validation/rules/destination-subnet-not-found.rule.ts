/** The existing ARM VNet has no subnet of the name given as destination. Azure's text is not recorded; ours. */
import { sameArmName } from '../support/arm-lookup';
import { existingDestinationOf, subnetsOfArmVirtualNetwork } from '../support/existing-destination';
import { deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const destinationSubnetNotFoundRule = defineRule(
  {
    code: 'DESTINATION_SUBNET_NOT_FOUND',
    title: 'Destination subnet does not exist',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    messageTemplate: 'The subnet {subnet-name} does not exist in the virtual network {virtual-network-name}.',
    azureText: false,
    recommendation: 'Name a subnet of the destination virtual network (or create it first), then retry.',
    sources: ['C2', 'C6'],
  },
  (context, report) => {
    const target = existingDestinationOf(context);
    if (target?.virtualNetwork === undefined) return [];
    const subnets = subnetsOfArmVirtualNetwork(target.arm, target.virtualNetwork);
    return subnets.some((name) => sameArmName(name, target.subnetName))
      ? []
      : [
          report(deploymentSubject(target.deployment.deployment), {
            'subnet-name': target.subnetName,
            'virtual-network-name': target.virtualNetworkName,
          }),
        ];
  },
);
