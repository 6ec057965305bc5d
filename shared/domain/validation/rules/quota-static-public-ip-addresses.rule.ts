/**
 * ARM regional quota for static public IP addresses (D1 §2.6, D4): planned public IPs with
 * `publicIPAllocationMethod: Static` — reserved IPs become static public IPs (D10). They also count
 * against the public IP quota (QUOTA_PUBLIC_IP_ADDRESSES).
 */
import { defineQuotaRule, ofType } from '../support/quota-rule';

export const quotaStaticPublicIpAddressesRule = defineQuotaRule({
  code: 'QUOTA_STATIC_PUBLIC_IP_ADDRESSES',
  resource: 'staticPublicIpAddresses',
  quotaName: 'static public IP addresses',
  demand: (resources) =>
    ofType(resources, 'Microsoft.Network/publicIPAddresses').filter(
      (ip) => String(ip.properties['publicIPAllocationMethod']).toLowerCase() === 'static',
    ).length,
});
