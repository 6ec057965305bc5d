/** ARM regional quota for route tables (D1, D4, D5): one per planned `Microsoft.Network/routeTables` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaRouteTablesRule = defineQuotaRule({
  code: 'QUOTA_ROUTE_TABLES',
  resource: 'routeTables',
});
