/** The reserved IP does not exist. Azure's text is not recorded; ours follows the storage account's. */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const reservedIpNotFoundRule = defineRule(
  {
    code: 'RESERVED_IP_NOT_FOUND',
    title: 'Reserved IP not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['reservedIp'],
    profiles: allProfiles,
    messageTemplate: "The reserved IP '{reserved-ip-name}' was not found.",
    azureText: false,
    recommendation: 'Check the name of the Classic reserved IP (Get-AzureReservedIP lists them).',
    sources: ['C5'],
  },
  ({ scope, contents }, report) =>
    contents
      ? []
      : [
          report(
            { resourceType: 'ReservedIP', resourceName: scope.name },
            { 'reserved-ip-name': scope.name },
          ),
        ],
);
