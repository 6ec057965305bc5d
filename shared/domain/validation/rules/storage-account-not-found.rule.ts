/** The storage account does not exist (C2, C5: Validate 200 with this message; the other verbs 404). */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const storageAccountNotFoundRule = defineRule(
  {
    code: 'STORAGE_ACCOUNT_NOT_FOUND',
    title: 'Storage account not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['storageAccount'],
    profiles: allProfiles,
    messageTemplate: "The storage account '{storage-account-name}' was not found.",
    azureText: true,
    recommendation:
      'Check the name of the Classic storage account; an ARM storage account cannot be migrated.',
    sources: ['C2', 'C5'],
  },
  ({ scope, contents }, report) =>
    contents
      ? []
      : [
          report(
            { resourceType: 'Storage', resourceName: scope.name },
            { 'storage-account-name': scope.name },
          ),
        ],
);
