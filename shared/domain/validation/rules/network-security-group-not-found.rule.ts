/** The network security group does not exist. Azure's text is not recorded; ours follows the storage account's. */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const networkSecurityGroupNotFoundRule = defineRule(
  {
    code: 'NETWORK_SECURITY_GROUP_NOT_FOUND',
    title: 'Network security group not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['networkSecurityGroup'],
    profiles: allProfiles,
    messageTemplate: "The network security group '{network-security-group-name}' was not found.",
    azureText: false,
    recommendation:
      'Check the name of the Classic network security group (Get-AzureNetworkSecurityGroup lists them).',
    sources: ['C5'],
  },
  ({ scope, contents }, report) =>
    contents
      ? []
      : [
          report(
            { resourceType: 'NetworkSecurityGroup', resourceName: scope.name },
            { 'network-security-group-name': scope.name },
          ),
        ],
);
