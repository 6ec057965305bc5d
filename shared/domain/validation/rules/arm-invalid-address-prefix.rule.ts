/**
 * Resource Manager validates CIDR blocks more strictly than Classic did: an address prefix with host bits
 * set (`192.168.2.0/16`) was accepted by Service Management, and a VNet or local network site holding one
 * "ends in a failed state" when migrated (D8). Azure found out during Prepare; this
 * pre-flight check finds it first. Ours.
 */
import { formatIpv4, parseCidr, parseIpv4 } from '../../network/ipv4';
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

/** The canonical form of a prefix when it differs from the given one (host bits set); else undefined. */
export function nonCanonicalPrefix(prefix: string): string | undefined {
  const [address, bits] = prefix.split('/');
  const cidr = parseCidr(prefix);
  const value = address === undefined ? undefined : parseIpv4(address);
  if (!cidr || value === undefined || value === cidr.network) return undefined;
  return `${formatIpv4(cidr.network)}/${bits ?? ''}`;
}

export const armInvalidAddressPrefixRule = defineRule(
  {
    code: 'ARM_INVALID_ADDRESS_PREFIX',
    title: 'Address prefix that Resource Manager rejects',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Address prefix {prefix} of {owner} is not a valid CIDR block in Azure Resource Manager because its host bits are set; the block it denotes is {canonical}.',
    azureText: false,
    recommendation:
      'Correct the prefix in the network configuration (Set-AzureVNetConfig) to the block it denotes, then retry; Resource Manager would leave the migration in a failed state otherwise.',
    sources: ['D8'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const { virtualNetwork, localNetworkSites } = context.contents;
    const prefixes: { owner: string; prefix: string }[] = [
      ...virtualNetwork.addressSpace.map((prefix) => ({
        owner: `Virtual Network ${virtualNetwork.name}`,
        prefix,
      })),
      ...virtualNetwork.subnets.map((subnet) => ({
        owner: `subnet ${subnet.name} of Virtual Network ${virtualNetwork.name}`,
        prefix: subnet.addressPrefix,
      })),
      ...localNetworkSites.flatMap((site) =>
        site.addressSpace.map((prefix) => ({ owner: `Local Network Site ${site.name}`, prefix })),
      ),
    ];
    return prefixes.flatMap(({ owner, prefix }) => {
      const canonical = nonCanonicalPrefix(prefix);
      return canonical ? [report(scopeSubject(context), { prefix, owner, canonical })] : [];
    });
  },
);
