/**
 * ARM naming rules for the resource types the translation generates: length, allowed characters, first
 * and last character, and the scope in which a name must be unique. Pure.
 *
 * Source: Microsoft's "Naming rules and restrictions for Azure resources" (Azure Resource Manager docs).
 * Windows computer names (1–15) do not apply: migration leaves `osProfile.computerName` empty, so a VM
 * name only has to satisfy the ARM resource-name rule (1–64).
 */

/** The ARM types whose names the naming policy produces. */
export const namedArmTypes = [
  'Microsoft.Resources/resourceGroups',
  'Microsoft.Compute/virtualMachines',
  'Microsoft.Compute/virtualMachines/extensions',
  'Microsoft.Compute/availabilitySets',
  'Microsoft.KeyVault/vaults',
  'Microsoft.Network/networkInterfaces',
  'Microsoft.Network/loadBalancers',
  'Microsoft.Network/publicIPAddresses',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/virtualNetworks/subnets',
  'Microsoft.Network/networkSecurityGroups',
  'Microsoft.Network/routeTables',
  'Microsoft.Network/virtualNetworkGateways',
  'Microsoft.Network/localNetworkGateways',
  'Microsoft.Network/connections',
  'Microsoft.Storage/storageAccounts',
] as const;
export type NamedArmType = (typeof namedArmTypes)[number];

/** Where a name must be unique (always case-insensitively: ARM names compare that way). */
export type NameUniqueness = 'subscription' | 'resourceGroup' | 'parent' | 'global';

export interface ArmNameRule {
  minLength: number;
  maxLength: number;
  /** One allowed character. */
  allowedCharacter: RegExp;
  /** Whether a run of disallowed characters may become a hyphen when sanitising. */
  hyphenAllowed: boolean;
  firstCharacter: RegExp;
  lastCharacter: RegExp;
  lowerCaseOnly: boolean;
  noConsecutiveHyphens: boolean;
  uniqueness: NameUniqueness;
  /** The rule in words, for error messages and docs/naming.md. */
  summary: string;
}

const alnum = /^[A-Za-z0-9]$/;
const alnumOrUnderscore = /^[A-Za-z0-9_]$/;
const networkCharacter = /^[A-Za-z0-9_.-]$/;

/** Most Microsoft.Network names: 1–80, alphanumerics, `_`, `.`, `-`; start alnum; end alnum or `_`. */
function networkRule(minLength: number, maxLength: number, uniqueness: NameUniqueness): ArmNameRule {
  return {
    minLength,
    maxLength,
    allowedCharacter: networkCharacter,
    hyphenAllowed: true,
    firstCharacter: alnum,
    lastCharacter: alnumOrUnderscore,
    lowerCaseOnly: false,
    noConsecutiveHyphens: false,
    uniqueness,
    summary: `${minLength}-${maxLength} characters: letters, digits, '_', '.', '-'; starts with a letter or digit; ends with a letter, digit or '_'`,
  };
}

export const armNameRules: Readonly<Record<NamedArmType, ArmNameRule>> = {
  'Microsoft.Resources/resourceGroups': {
    minLength: 1,
    maxLength: 90,
    allowedCharacter: /^[\p{L}\p{N}_.()-]$/u,
    hyphenAllowed: true,
    firstCharacter: /^[\p{L}\p{N}_.()-]$/u,
    lastCharacter: /^[\p{L}\p{N}_()-]$/u,
    lowerCaseOnly: false,
    noConsecutiveHyphens: false,
    uniqueness: 'subscription',
    summary: "1-90 characters: letters, digits, '_', '.', '(', ')', '-'; does not end with '.'",
  },
  'Microsoft.Compute/virtualMachines': {
    minLength: 1,
    maxLength: 64,
    allowedCharacter: networkCharacter,
    hyphenAllowed: true,
    firstCharacter: alnum,
    lastCharacter: alnumOrUnderscore,
    lowerCaseOnly: false,
    noConsecutiveHyphens: false,
    uniqueness: 'resourceGroup',
    summary:
      "1-64 characters: letters, digits, '_', '.', '-'; starts with a letter or digit; does not end with '.' or '-'",
  },
  'Microsoft.Compute/virtualMachines/extensions': {
    ...networkRule(1, 64, 'parent'),
    summary:
      "1-64 characters: letters, digits, '_', '.', '-'; starts with a letter or digit; ends with a letter, digit or '_'",
  },
  'Microsoft.Compute/availabilitySets': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.KeyVault/vaults': {
    minLength: 3,
    maxLength: 24,
    allowedCharacter: /^[A-Za-z0-9-]$/,
    hyphenAllowed: true,
    firstCharacter: /^[A-Za-z]$/,
    lastCharacter: alnum,
    lowerCaseOnly: false,
    noConsecutiveHyphens: true,
    uniqueness: 'global',
    summary:
      "3-24 characters: letters, digits, '-'; starts with a letter; ends with a letter or digit; no '--'; globally unique",
  },
  'Microsoft.Network/networkInterfaces': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/loadBalancers': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/publicIPAddresses': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/virtualNetworks': networkRule(2, 64, 'resourceGroup'),
  'Microsoft.Network/virtualNetworks/subnets': networkRule(1, 80, 'parent'),
  'Microsoft.Network/networkSecurityGroups': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/routeTables': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/virtualNetworkGateways': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/localNetworkGateways': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Network/connections': networkRule(1, 80, 'resourceGroup'),
  'Microsoft.Storage/storageAccounts': {
    minLength: 3,
    maxLength: 24,
    allowedCharacter: /^[a-z0-9]$/,
    hyphenAllowed: false,
    firstCharacter: /^[a-z0-9]$/,
    lastCharacter: /^[a-z0-9]$/,
    lowerCaseOnly: true,
    noConsecutiveHyphens: false,
    uniqueness: 'global',
    summary: '3-24 characters: lower-case letters and digits only; globally unique',
  },
};

/** Which part of a rule a name breaks. */
export type NameRuleKind =
  'length' | 'characters' | 'first-character' | 'last-character' | 'consecutive-hyphens';

export interface NameRuleViolation {
  kind: NameRuleKind;
  /** The rule in words, e.g. `Microsoft.Network/loadBalancers: 1-80 characters: …`. */
  rule: string;
  message: string;
}

/** The first rule a name breaks for an ARM type; undefined when the name is valid. Pure. */
export function checkArmName(type: NamedArmType, name: string): NameRuleViolation | undefined {
  const rule = armNameRules[type];
  const ruleText = `${type}: ${rule.summary}`;
  const characters = [...name];
  const violation = (kind: NameRuleKind, message: string): NameRuleViolation => ({
    kind,
    rule: ruleText,
    message,
  });
  if (characters.length < rule.minLength || characters.length > rule.maxLength)
    return violation(
      'length',
      `'${name}' has ${characters.length} characters; ${type} names have ${rule.minLength} to ${rule.maxLength}`,
    );
  const bad = characters.find(
    (ch) => !rule.allowedCharacter.test(ch) || (rule.lowerCaseOnly && ch !== ch.toLowerCase()),
  );
  if (bad !== undefined)
    return violation('characters', `'${name}' contains '${bad}', which ${type} names do not allow`);
  const first = characters[0] ?? '';
  const last = characters[characters.length - 1] ?? '';
  if (!rule.firstCharacter.test(first))
    return violation('first-character', `'${name}' starts with '${first}', which ${type} names do not allow`);
  if (!rule.lastCharacter.test(last))
    return violation('last-character', `'${name}' ends with '${last}', which ${type} names do not allow`);
  if (rule.noConsecutiveHyphens && name.includes('--'))
    return violation('consecutive-hyphens', `'${name}' contains '--', which ${type} names do not allow`);
  return undefined;
}
