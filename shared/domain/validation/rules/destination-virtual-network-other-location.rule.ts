/**
 * ARM VMs must be in their VNet's region, and migration moves no data between regions (D1), so the
 * destination VNet must be in the cloud service's region. Not in Azure's lists; ours, an ARM-side check.
 */
import { existingDestinationOf, locationOfCloudService } from '../support/existing-destination';
import { sameLocation } from '../support/location';
import { deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const destinationVirtualNetworkOtherLocationRule = defineRule(
  {
    code: 'DESTINATION_VIRTUAL_NETWORK_OTHER_LOCATION',
    title: 'Destination virtual network in another region',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    messageTemplate:
      'The virtual network {virtual-network-name} is in location {virtual-network-location}, but HostedService {hosted-service-name} is in location {hosted-service-location}.',
    azureText: false,
    recommendation: 'Choose a destination virtual network in the region of the cloud service, then retry.',
    sources: ['D1'],
  },
  (context, report) => {
    const target = existingDestinationOf(context);
    if (target?.virtualNetwork === undefined) return [];
    const { cloudService, deployment } = target.deployment;
    const serviceLocation = locationOfCloudService(context.inventory, cloudService);
    if (serviceLocation === undefined || sameLocation(serviceLocation, target.virtualNetwork.location))
      return [];
    return [
      report(deploymentSubject(deployment), {
        'virtual-network-name': target.virtualNetworkName,
        'virtual-network-location': target.virtualNetwork.location,
        'hosted-service-name': cloudService.name,
        'hosted-service-location': serviceLocation,
      }),
    ];
  },
);
