/**
 * The May 2016 preview refused a virtual network whose name, or the name of one of its subnets, holds
 * spaces: the project's statement of the preview says so. Classic allowed such names (netcfg accepts
 * `my subnet`, the portal named VNets `Group <rg> <vnet>`); ARM names do not allow spaces
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork).
 * On the final platform the name changes instead (`VNET_NAME_CHANGED`). Azure's 2016 text is not known;
 * ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { hasSpaces, vnetObjectNames } from '../support/vnet-names';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vnetNameWithSpacesRule = defineRule(
  {
    code: 'VNET_NAME_WITH_SPACES',
    title: 'Virtual network or subnet name with spaces (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['virtualNetwork'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because the name of {resource-kind} {resource-name} contains spaces.',
    azureText: false,
    recommendation:
      'Not supported in 2016: give the virtual network and its subnets names without spaces (a subnet in use cannot be renamed: move its VMs to a new subnet first), then retry.',
    sources: ['D1', 'D6'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    return vnetObjectNames(vnet, context.plannedResources)
      .filter((object) => hasSpaces(object.classicName))
      .map((object) =>
        report(scopeSubject(context), {
          'vnet-name': vnet.name,
          'resource-kind': object.kind,
          'resource-name': object.classicName,
        }),
      );
  },
);
