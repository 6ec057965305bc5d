import { describe, expect, it } from 'vitest';

import { fitDefaultName, sanitizeNameValue } from '../../../../shared/domain/naming/name-sanitizer';

describe('sanitizeNameValue', () => {
  it.each([
    ['Group rg vnet', 'Microsoft.Network/virtualNetworks', 'Group-rg-vnet'],
    ['"my vnet quoted"', 'Microsoft.Network/virtualNetworks', 'my-vnet-quoted'],
    ['a  &  b', 'Microsoft.Network/loadBalancers', 'a-b'],
    ['My Store!', 'Microsoft.Storage/storageAccounts', 'mystore'],
    ['web(1)', 'Microsoft.Resources/resourceGroups', 'web(1)'],
    ['ok-name_1.x', 'Microsoft.Network/networkInterfaces', 'ok-name_1.x'],
  ] as const)('When %j is substituted into a %s name, then it becomes %j', (value, type, expected) => {
    expect(sanitizeNameValue(value, type)).toBe(expected);
  });
});

describe('fitDefaultName', () => {
  it('When a default key vault name is too long, then it is cut to 24 characters ending in a letter or digit', () => {
    expect(fitDefaultName('KV-my-very-long-cloud-service-name', 'Microsoft.KeyVault/vaults')).toBe(
      'KV-my-very-long-cloud-se',
    );
    expect(fitDefaultName('KV-abcdefghijklmnopqrstu-vwxyz', 'Microsoft.KeyVault/vaults')).toBe(
      'KV-abcdefghijklmnopqrstu',
    );
  });

  it('When a default name starts or ends with characters its type forbids, then they are dropped', () => {
    expect(fitDefaultName('_nic.', 'Microsoft.Network/networkInterfaces')).toBe('nic');
    expect(fitDefaultName('KV--web', 'Microsoft.KeyVault/vaults')).toBe('KV-web');
    expect(fitDefaultName('1-web', 'Microsoft.KeyVault/vaults')).toBe('web');
  });
});
