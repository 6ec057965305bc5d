/**
 * ARM regional quota for static public IP addresses (D1, D4): planned public IPs with
 * `publicIPAllocationMethod: Static` — reserved IPs become static public IPs (D10). They also count
 * against the public IP quota (QUOTA_PUBLIC_IP_ADDRESSES).
 */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaStaticPublicIpAddressesRule = defineQuotaRule({
  code: 'QUOTA_STATIC_PUBLIC_IP_ADDRESSES',
  resource: 'staticPublicIpAddresses',
});
