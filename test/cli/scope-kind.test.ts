/** The scope kinds people type: API path names, model names and short forms, in any case. */
import { describe, expect, it } from 'vitest';

import { CliError } from '../../cli/exit-codes';
import { scopeKindOf, scopeKindPath, scopePath } from '../../cli/scope-kind';

describe('scope kind aliases', () => {
  it.each([
    ['virtualNetworks', 'virtualNetworks'],
    ['virtualNetwork', 'virtualNetworks'],
    ['vnet', 'virtualNetworks'],
    ['vnets', 'virtualNetworks'],
    ['VNET', 'virtualNetworks'],
    ['cloudServices', 'cloudServices'],
    ['cloudService', 'cloudServices'],
    ['cs', 'cloudServices'],
    ['cloudservice', 'cloudServices'],
    ['storageAccounts', 'storageAccounts'],
    ['storage', 'storageAccounts'],
    ['sa', 'storageAccounts'],
    ['reservedIps', 'reservedIps'],
    ['rip', 'reservedIps'],
    ['reservedip', 'reservedIps'],
    ['networkSecurityGroups', 'networkSecurityGroups'],
    ['nsg', 'networkSecurityGroups'],
    ['routeTables', 'routeTables'],
    ['rt', 'routeTables'],
    ['routetable', 'routeTables'],
  ])("When a user types '%s', then the API path kind is %s", (input, expected) => {
    expect(scopeKindPath(input)).toBe(expected);
  });

  it('When the kind is unknown, then it is a usage error (exit 2) listing the kinds', () => {
    expect(scopeKindOf('vnetz')).toBeUndefined();
    let caught: unknown;
    try {
      scopeKindPath('vnetz');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect(caught).toMatchObject({ exitCode: 2 });
    expect((caught as Error).message).toMatch(
      /^error: 'vnetz' is not a scope kind\. Use virtualNetworks, cloudServices/,
    );
  });

  it('When a name has spaces or quotes, then the path segment is encoded', () => {
    expect(scopePath('vnet', 'Group rg "my vnet"')).toBe('virtualNetworks/Group%20rg%20%22my%20vnet%22');
  });

  it('When the name is empty, then it is a usage error', () => {
    expect(() => scopePath('vnet', ' ')).toThrow(/the scope name is empty/);
  });
});
