/**
 * The existing ARM VNet named as destination does not exist (H5 #4). Azure's Validate received the
 * destination in its request body (C2), so this is a Validate-stage check here too.
 */
import { existingDestinationOf } from '../support/existing-destination';
import { deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const destinationVirtualNetworkNotFoundRule = defineRule(
  {
    code: 'DESTINATION_VIRTUAL_NETWORK_NOT_FOUND',
    title: 'Destination virtual network does not exist',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    messageTemplate: 'The virtual network {virtual-network-name} does not exist.',
    azureText: true,
    recommendation:
      'Name an existing Azure Resource Manager virtual network and its resource group (or use a New destination), then retry.',
    sources: ['H5', 'C2', 'D6'],
  },
  (context, report) => {
    const target = existingDestinationOf(context);
    return target && target.virtualNetwork === undefined
      ? [
          report(deploymentSubject(target.deployment.deployment), {
            'virtual-network-name': target.virtualNetworkName,
          }),
        ]
      : [];
  },
);
