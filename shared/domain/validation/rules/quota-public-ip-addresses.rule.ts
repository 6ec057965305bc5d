/** ARM regional quota for public IP addresses (D1, D4, D5): one per planned `Microsoft.Network/publicIPAddresses` resource. */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaPublicIpAddressesRule = defineQuotaRule({
  code: 'QUOTA_PUBLIC_IP_ADDRESSES',
  resource: 'publicIpAddresses',
});
