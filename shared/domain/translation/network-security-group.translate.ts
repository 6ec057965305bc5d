/**
 * Classic NSG → `Microsoft.Network/networkSecurityGroups`. Associated NSGs are cloned into the migrating
 * scope's resource group (the Classic one stays until Commit, D1); a stand-alone NSG moves as itself.
 * Pure.
 *
 * Rules: user rules → `securityRules`; Classic default rules (`IsDefault`, priorities 65000+) →
 * `defaultSecurityRules`, the read-only list ARM creates by itself. Classic tags become ARM tags
 * (`VIRTUAL_NETWORK` → `VirtualNetwork`, `AZURE_LOADBALANCER` → `AzureLoadBalancer`, `INTERNET` →
 * `Internet`; inferred from D1 and C8) and protocols take the schema's spelling (`TCP` → `Tcp`).
 */
import type { NetworkSecurityGroup, NsgRule } from '../classic/network.schema';
import { sanitizeNameValue } from '../naming/name-sanitizer';
import { uniqueChildName } from './child-names';
import { networkSecurityGroupClassicId } from './classic-ids';
import { account, addResource, type TranslationContext } from './translation-context';

const classicTags: Readonly<Record<string, string>> = {
  virtual_network: 'VirtualNetwork',
  azure_loadbalancer: 'AzureLoadBalancer',
  internet: 'Internet',
};

/** A Classic address prefix or tag in ARM spelling. */
export function armAddressPrefix(classicPrefix: string): string {
  return classicTags[classicPrefix.toLowerCase()] ?? classicPrefix;
}

const protocols = { TCP: 'Tcp', UDP: 'Udp', '*': '*' } as const;

function securityRule(rule: NsgRule, name: string): Record<string, unknown> {
  return {
    name,
    properties: {
      protocol: protocols[rule.protocol],
      sourcePortRange: rule.sourcePortRange,
      destinationPortRange: rule.destinationPortRange,
      sourceAddressPrefix: armAddressPrefix(rule.sourceAddressPrefix),
      destinationAddressPrefix: armAddressPrefix(rule.destinationAddressPrefix),
      access: rule.action,
      priority: rule.priority,
      direction: rule.type,
    },
  };
}

/** Adds the ARM NSG for a Classic NSG to `resourceGroup` and accounts for it; returns its ID. */
export function translateNetworkSecurityGroup(
  ctx: TranslationContext,
  nsg: NetworkSecurityGroup,
  resourceGroup: string,
  location: string,
  cloned: boolean,
): string {
  const classicId = networkSecurityGroupClassicId(ctx.subscriptionId, nsg);
  const userRuleNames = new Set<string>();
  const defaultRuleNames = new Set<string>();
  const ruleName = (rule: NsgRule, taken: Set<string>) =>
    uniqueChildName(taken, sanitizeNameValue(rule.name, 'Microsoft.Network/networkSecurityGroups') || 'rule');
  const id = addResource(ctx, {
    request: {
      kind: 'networkSecurityGroup',
      classicId,
      principal: true,
      tokens: { nsg: nsg.name, name: nsg.name },
    },
    resourceGroup,
    type: 'Microsoft.Network/networkSecurityGroups',
    location,
    properties: {
      securityRules: nsg.rules
        .filter((r) => !r.isDefault)
        .map((r) => securityRule(r, ruleName(r, userRuleNames))),
      defaultSecurityRules: nsg.rules
        .filter((r) => r.isDefault)
        .map((r) => securityRule(r, ruleName(r, defaultRuleNames))),
    },
  });
  ctx.networkSecurityGroupIds.set(nsg.name.toLowerCase(), id);
  account(ctx, {
    classicId,
    classicType: 'NetworkSecurityGroup',
    name: nsg.name,
    outcome: 'migrated',
    armIds: [id],
    ...(cloned ? { note: 'Cloned; the Classic NSG stays (locked) until Commit' } : {}),
  });
  return id;
}
