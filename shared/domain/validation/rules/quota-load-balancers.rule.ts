/** ARM regional quota for load balancers (D1, D4, D5): one per planned `Microsoft.Network/loadBalancers` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaLoadBalancersRule = defineQuotaRule({
  code: 'QUOTA_LOAD_BALANCERS',
  resource: 'loadBalancers',
});
