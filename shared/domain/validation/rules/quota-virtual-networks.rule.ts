/** ARM regional quota for virtual networks (D1, D4, D5): one per planned `Microsoft.Network/virtualNetworks` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaVirtualNetworksRule = defineQuotaRule({
  code: 'QUOTA_VIRTUAL_NETWORKS',
  resource: 'virtualNetworks',
});
