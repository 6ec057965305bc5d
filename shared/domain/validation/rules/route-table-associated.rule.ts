/**
 * The route-table scope is for unattached route tables (D2 scope 4). One associated with a subnet is
 * cloned when its VNet migrates (D1); one finding per association records where. Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const routeTableAssociatedRule = defineRule(
  {
    code: 'ROUTE_TABLE_ASSOCIATED',
    title: 'Route table still associated',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['routeTable'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Route Table {route-table-name} on its own because it is associated with {association}.',
    azureText: false,
    recommendation:
      'Migrate the virtual network that uses it (the route table is cloned), or remove the association; migrate the route table alone once nothing Classic uses it.',
    sources: ['D1', 'D2'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'routeTable') return [];
    const routeTable = context.contents.routeTable;
    return context.contents.associations.map((association) =>
      report(scopeSubject(context), { 'route-table-name': routeTable.name, association }),
    );
  },
);
