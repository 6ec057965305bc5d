import { describe, expect, it } from 'vitest';

import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import { aCloudService, anInventory, aStorageAccount } from '../../../fixtures/classic-builders';
import {
  estate,
  networkSecurityGroupEstate,
  reservedIpEstate,
  routeTableEstate,
  storageAccountEstate,
  translationInput,
} from '../../../fixtures/translation-estates';
import { entry, prop, resource } from '../../../support/translation-lookups';

describe('stand-alone scopes', () => {
  it('When a storage account migrates, then <name>-Migrated holds an account of the same name, kind Storage, SKU of the Classic type', () => {
    const result = translateScope(translationInput(storageAccountEstate()));
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['logs2016-Migrated']);
    const account = resource(result, 'Microsoft.Storage/storageAccounts', 'logs2016');
    expect(account).toMatchObject({
      apiVersion: '2016-01-01',
      kind: 'Storage',
      sku: { name: 'Standard_RAGRS' },
      location: 'westus',
    });
    expect(entry(result, 'StorageAccount', 'logs2016').classicId).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Default-Storage-WestUS/providers/Microsoft.ClassicStorage/storageAccounts/logs2016',
    );
  });

  it('When a storage account still holds disks of Classic VMs or unattached disks, then those are refused with what to do', () => {
    const inventory = anInventory({
      storageAccounts: [aStorageAccount()],
      cloudServices: [aCloudService()],
      disks: [{ name: 'orphan', mediaLink: 'https://teststorage.blob.core.windows.net/vhds/orphan.vhd' }],
      vmImages: [
        { name: 'golden', mediaLinks: ['https://teststorage.blob.core.windows.net/vhds/golden.vhd'] },
      ],
    });
    const result = translateScope(translationInput(estate(inventory, 'storageAccount', 'teststorage')));
    expect(entry(result, 'Disk', 'orphan')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('delete it'),
    });
    expect(entry(result, 'VmImage', 'golden').outcome).toBe('refused');
    expect(entry(result, 'VirtualMachine', 'vm1')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('migrate cloud service svc1'),
    });
  });

  it('When a stand-alone reserved IP migrates, then it becomes a Basic static public IP in <name>-Migrated', () => {
    const result = translateScope(translationInput(reservedIpEstate()));
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['spare-ip-Migrated']);
    expect(resource(result, 'Microsoft.Network/publicIPAddresses', 'spare-ip')).toMatchObject({
      sku: { name: 'Basic' },
      properties: { publicIPAllocationMethod: 'Static', ipAddress: '40.9.9.9' },
    });
    expect(entry(result, 'ReservedIp', 'spare-ip').classicId).toContain(
      '/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/reservedIps/spare-ip',
    );
  });

  it('When a stand-alone NSG migrates, then user rules become securityRules and Classic default rules defaultSecurityRules with ARM tags', () => {
    const result = translateScope(translationInput(networkSecurityGroupEstate()));
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['lonely-nsg-Migrated']);
    const nsg = resource(result, 'Microsoft.Network/networkSecurityGroups', 'lonely-nsg');
    expect(prop(nsg, 'securityRules')).toEqual([
      expect.objectContaining({
        name: 'allow-rdp',
        properties: expect.objectContaining({
          sourceAddressPrefix: 'Internet',
          destinationAddressPrefix: 'VirtualNetwork',
          protocol: 'Tcp',
        }),
      }),
    ]);
    expect(
      (prop(nsg, 'defaultSecurityRules') as { name: string; properties: Record<string, unknown> }[]).map(
        (r) => [r.name, r.properties['sourceAddressPrefix']],
      ),
    ).toEqual([
      ['ALLOW-VNET-INBOUND', 'VirtualNetwork'],
      ['ALLOW-AZURE-LOAD-BALANCER-INBOUND', 'AzureLoadBalancer'],
    ]);
    expect(entry(result, 'NetworkSecurityGroup', 'lonely-nsg')).not.toHaveProperty('note');
  });

  it('When a stand-alone route table migrates, then it moves as itself into <name>-Migrated', () => {
    const result = translateScope(translationInput(routeTableEstate()));
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['lonely-rt-Migrated']);
    expect(resource(result, 'Microsoft.Network/routeTables', 'lonely-rt').apiVersion).toBe('2016-09-01');
  });
});
