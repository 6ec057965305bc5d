import { describe, expect, it } from 'vitest';

import {
  armIdsForClassicId,
  classicToArmIdMappings,
} from '../../../../shared/domain/translation/classic-arm-id-map';
import { dataPlaneEffectsPerVm } from '../../../../shared/domain/translation/data-plane-effects';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  aCloudService,
  aDeployment,
  anInventory,
  testSubscriptionId,
} from '../../../fixtures/classic-builders';
import {
  cloudServiceEstate,
  estate,
  existingArmVnet,
  existingDestination,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { entry, prop, resource, resourcesOfType } from '../../../support/translation-lookups';

describe('cloud service translation', () => {
  it('When a cloud service outside a VNet migrates to a New VNet, then VNet-<cs> with subnet default is created in <cs>-Migrated and NICs use it', () => {
    const result = translateScope(translationInput(cloudServiceEstate(), { destination: { type: 'New' } }));
    expect(result.resourceGroups).toEqual([
      {
        id: `/subscriptions/${testSubscriptionId}/resourceGroups/shop-Migrated`,
        name: 'shop-Migrated',
        location: 'westus',
      },
    ]);
    const vnet = resource(result, 'Microsoft.Network/virtualNetworks', 'VNet-shop');
    expect(vnet.properties).toEqual({
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [
        { name: 'default', id: `${vnet.id}/subnets/default`, properties: { addressPrefix: '10.0.0.0/24' } },
      ],
    });
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'shop1-PrimaryNic');
    expect(prop(nic, 'ipConfigurations.0.properties')).toMatchObject({
      privateIPAllocationMethod: 'Dynamic',
      subnet: { id: `${vnet.id}/subnets/default` },
    });
    expect(prop(nic, 'ipConfigurations.0.properties')).not.toHaveProperty('privateIPAddress');
  });

  it('When the destination is an Existing ARM VNet, then NICs use the given subnet id and no VNet is created', () => {
    const armVnet = existingArmVnet();
    const result = translateScope(
      translationInput(cloudServiceEstate(), {
        destination: existingDestination,
        existingArm: { resources: [armVnet] },
      }),
    );
    expect(resourcesOfType(result, 'Microsoft.Network/virtualNetworks')).toEqual([]);
    expect(
      prop(
        resource(result, 'Microsoft.Network/networkInterfaces', 'shop2-PrimaryNic'),
        'ipConfigurations.0.properties.subnet',
      ),
    ).toEqual({
      id: `${armVnet.id}/subnets/apps`,
    });
    expect(result.issues).toEqual([]);
  });

  it('When the Existing destination VNet or subnet is unknown, then the subnet id is built from the names and an issue says so', () => {
    const result = translateScope(
      translationInput(cloudServiceEstate(), { destination: existingDestination }),
    );
    expect(
      prop(
        resource(result, 'Microsoft.Network/networkInterfaces', 'shop1-PrimaryNic'),
        'ipConfigurations.0.properties.subnet',
      ),
    ).toEqual({
      id: `/subscriptions/${testSubscriptionId}/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/target-vnet/subnets/apps`,
    });
    expect(result.issues.map((i) => i.code)).toEqual(['EXISTING_VIRTUAL_NETWORK_NOT_FOUND']);
    const noSubnet = translateScope(
      translationInput(cloudServiceEstate(), {
        destination: {
          type: 'Existing',
          resourceGroupName: 'network-rg',
          virtualNetworkName: 'target-vnet',
          subnetName: 'nope',
        },
        existingArm: { resources: [existingArmVnet()] },
      }),
    );
    expect(noSubnet.issues.map((i) => i.code)).toEqual(['EXISTING_SUBNET_NOT_FOUND']);
  });

  it('When a cloud service has no deployment, then it is refused and nothing is generated', () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ deployments: [] })] });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(result.resources).toEqual([]);
    expect(entry(result, 'CloudService', 'svc1')).toMatchObject({ outcome: 'refused' });
  });

  it('When a cloud service has a Staging deployment too, then only Production migrates and Staging is refused', () => {
    const inventory = anInventory({
      cloudServices: [
        aCloudService({
          deployments: [aDeployment({ name: 'prod' }), aDeployment({ name: 'stage', slot: 'Staging' })],
        }),
      ],
    });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(entry(result, 'Deployment', 'prod').outcome).toBe('migrated');
    expect(entry(result, 'Deployment', 'stage')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('Staging'),
    });
  });

  it('When the cloud service location is an affinity group, then its resources take the group location', () => {
    const inventory = anInventory({
      affinityGroups: [{ name: 'ag-eu', location: 'North Europe' }],
      cloudServices: [aCloudService({ location: undefined, affinityGroup: 'ag-eu' })],
    });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(new Set(result.resources.map((r) => r.location))).toEqual(new Set(['northeurope']));
    expect(result.resourceGroups[0]?.location).toBe('northeurope');
  });

  it('When VMs are outside a VNet, then their data-plane plan is stop-deallocate, new internal IPs, reserved VIP kept, then start', () => {
    const e = cloudServiceEstate();
    expect(dataPlaneEffectsPerVm(testSubscriptionId, e.contents)[0]).toEqual({
      classicId: `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/shop1`,
      cloudService: 'shop',
      vm: 'shop1',
      effects: [
        { kind: 'stop-deallocate' },
        { kind: 'internal-ip-changes', from: '10.0.0.4' },
        { kind: 'vip-kept', vip: '52.1.1.1', reservedIpName: 'shop-rip' },
        { kind: 'vip-changes', vip: '52.1.1.2' },
        { kind: 'start' },
      ],
    });
  });

  it('When VMs are in a VNet, then their data plane is untouched', () => {
    expect(dataPlaneEffectsPerVm(testSubscriptionId, vnetEstate().contents).map((vm) => vm.effects)).toEqual([
      [],
      [],
    ]);
  });

  it('When a translation is done, then each migrated Classic id maps to its ARM ids (RBAC re-mapping)', () => {
    const result = translateScope(translationInput(cloudServiceEstate()));
    const vmClassicId = `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/shop1`;
    expect(armIdsForClassicId(result, vmClassicId.toUpperCase())).toEqual([
      `/subscriptions/${testSubscriptionId}/resourceGroups/shop-Migrated/providers/Microsoft.Compute/virtualMachines/shop1`,
    ]);
    expect(classicToArmIdMappings(result).find((m) => m.classicType === 'CloudService')).toEqual({
      classicId: `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop`,
      classicType: 'CloudService',
      armIds: [`/subscriptions/${testSubscriptionId}/resourceGroups/shop-Migrated`],
    });
    expect(classicToArmIdMappings(result).every((m) => m.armIds.length > 0)).toBe(true);
  });
});
