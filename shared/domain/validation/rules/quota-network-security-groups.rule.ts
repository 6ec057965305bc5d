/** ARM regional quota for network security groups (D1, D4, D5): one per planned `Microsoft.Network/networkSecurityGroups` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaNetworkSecurityGroupsRule = defineQuotaRule({
  code: 'QUOTA_NETWORK_SECURITY_GROUPS',
  resource: 'networkSecurityGroups',
});
