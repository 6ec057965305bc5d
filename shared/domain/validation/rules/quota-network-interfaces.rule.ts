/** ARM regional quota for network interfaces (D1, D4, D5): one per planned `Microsoft.Network/networkInterfaces` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaNetworkInterfacesRule = defineQuotaRule({
  code: 'QUOTA_NETWORK_INTERFACES',
  resource: 'networkInterfaces',
});
