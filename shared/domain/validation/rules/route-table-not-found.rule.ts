/** The route table does not exist. Azure's text is not recorded; ours follows the storage account's. */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const routeTableNotFoundRule = defineRule(
  {
    code: 'ROUTE_TABLE_NOT_FOUND',
    title: 'Route table not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['routeTable'],
    profiles: allProfiles,
    messageTemplate: "The route table '{route-table-name}' was not found.",
    azureText: false,
    recommendation: 'Check the name of the Classic route table (Get-AzureRouteTable lists them).',
    sources: ['C5'],
  },
  ({ scope, contents }, report) =>
    contents
      ? []
      : [
          report(
            { resourceType: 'RouteTable', resourceName: scope.name },
            { 'route-table-name': scope.name },
          ),
        ],
);
