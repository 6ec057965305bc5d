/** ARM regional quota for network security groups (D1 §2.6, D4, D5): one per planned `Microsoft.Network/networkSecurityGroups` resource. */
import { defineQuotaRule, ofType } from '../support/quota-rule';

export const quotaNetworkSecurityGroupsRule = defineQuotaRule({
  code: 'QUOTA_NETWORK_SECURITY_GROUPS',
  resource: 'networkSecurityGroups',
  quotaName: 'network security groups',
  demand: (resources) => ofType(resources, 'Microsoft.Network/networkSecurityGroups').length,
});
