/**
 * The VNet does not exist in Classic (C2, C5: Validate 200 with this message; the other verbs 400
 * `BadRequest`). Portal-created Classic VNets are named `Group <resource-group> <vnet>` (D6).
 */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const virtualNetworkNotFoundRule = defineRule(
  {
    code: 'VIRTUAL_NETWORK_NOT_FOUND',
    title: 'Virtual network not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      "Virtual network '{virtual-network-name}' not found. Either it does not exist or it is an Azure Resource Manager resource, which cannot be used with Cloud Services.",
    azureText: true,
    recommendation:
      'Use the Classic name of the virtual network as the network configuration lists it; VNets created in the portal are named "Group <resource-group> <vnet-name>".',
    sources: ['C2', 'C5', 'D6'],
  },
  ({ scope, contents }, report) =>
    contents
      ? []
      : [
          report(
            { resourceType: 'VirtualNetwork', resourceName: scope.name },
            { 'virtual-network-name': scope.name },
          ),
        ],
);
