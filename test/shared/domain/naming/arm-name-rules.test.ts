import { describe, expect, it } from 'vitest';

import { checkArmName } from '../../../../shared/domain/naming/arm-name-rules';

describe('checkArmName', () => {
  it.each([
    ['Microsoft.Storage/storageAccounts', 'mystorage2016'],
    ['Microsoft.KeyVault/vaults', 'KV-web-1'],
    ['Microsoft.Resources/resourceGroups', 'Group-rg-vnet-Migrated'],
    ['Microsoft.Resources/resourceGroups', 'web(1)_x.y-Migrated'],
    ['Microsoft.Compute/virtualMachines', 'a'.repeat(64)],
    ['Microsoft.Network/loadBalancers', 'LB-web_'],
    ['Microsoft.Network/virtualNetworks', 'ab'],
  ] as const)('When %s is named %s, then the name is valid', (type, name) => {
    expect(checkArmName(type, name)).toBeUndefined();
  });

  it.each([
    ['Microsoft.Storage/storageAccounts', 'MyStorage', 'characters'],
    ['Microsoft.Storage/storageAccounts', 'ab', 'length'],
    ['Microsoft.Storage/storageAccounts', 'my-storage', 'characters'],
    ['Microsoft.KeyVault/vaults', '1kv', 'first-character'],
    ['Microsoft.KeyVault/vaults', 'KV-a-very-long-cloud-service', 'length'],
    ['Microsoft.KeyVault/vaults', 'KV--web', 'consecutive-hyphens'],
    ['Microsoft.KeyVault/vaults', 'KV-web-', 'last-character'],
    ['Microsoft.Resources/resourceGroups', 'rg.', 'last-character'],
    ['Microsoft.Resources/resourceGroups', 'a'.repeat(91), 'length'],
    ['Microsoft.Resources/resourceGroups', 'Group rg vnet', 'characters'],
    ['Microsoft.Compute/virtualMachines', 'a'.repeat(65), 'length'],
    ['Microsoft.Compute/virtualMachines', 'vm-', 'last-character'],
    ['Microsoft.Network/virtualNetworks', '"my vnet quoted"', 'characters'],
    ['Microsoft.Network/virtualNetworks', 'v', 'length'],
    ['Microsoft.Network/networkInterfaces', '-nic', 'first-character'],
    ['Microsoft.Network/publicIPAddresses', '', 'length'],
  ] as const)('When %s is named %j, then the %s rule is broken', (type, name, kind) => {
    const violation = checkArmName(type, name);
    expect(violation?.kind).toBe(kind);
    expect(violation?.rule).toContain(type);
    expect(violation?.message).toContain(name.slice(0, 10));
  });
});
