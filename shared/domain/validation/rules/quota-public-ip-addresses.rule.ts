/** ARM regional quota for public IP addresses (D1 §2.6, D4, D5): one per planned `Microsoft.Network/publicIPAddresses` resource. */
import { defineQuotaRule, ofType } from '../support/quota-rule';

export const quotaPublicIpAddressesRule = defineQuotaRule({
  code: 'QUOTA_PUBLIC_IP_ADDRESSES',
  resource: 'publicIpAddresses',
  quotaName: 'public IP addresses',
  demand: (resources) => ofType(resources, 'Microsoft.Network/publicIPAddresses').length,
});
