import { describe, expect, it } from 'vitest';

import { buildMigrationPlan } from '../../../../shared/domain/plan/migration-plan';
import { cloudServiceClassicId } from '../../../../shared/domain/translation/classic-ids';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  aCloudService,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';
import {
  cloudServiceEstate,
  type Estate,
  estate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';

function planOf(e: Estate, existingResourceGroups: string[] = []) {
  const translation = translateScope(translationInput(e));
  return { translation, plan: buildMigrationPlan({ ...e, translation, existingResourceGroups }) };
}

describe('buildMigrationPlan', () => {
  it('When a VNet is planned, then every resource Prepare creates is listed with its ID, group and type, and nothing stops', () => {
    const { translation, plan } = planOf(vnetEstate());
    expect(plan.resources.map((r) => r.id)).toEqual(translation.resources.map((r) => r.id));
    expect(plan.resources.every((r) => r.resourceGroup !== '' && r.type.includes('/'))).toBe(true);
    expect(plan.resourceGroups.map((g) => g.name)).toContain('Prod-VNet-Migrated');
    expect(plan.dataPlane.downtime).toBe(false);
    expect(plan.dataPlane.summary).toMatch(/No data-plane effect/);
    const total = Object.values(plan.countsByType).reduce((a, b) => a + b, 0);
    expect(total).toBe(translation.resources.length);
  });

  it('When a cloud service outside a VNet is planned, then its VMs stop, deallocate and restart and the reserved VIP is kept', () => {
    const { plan } = planOf(cloudServiceEstate());
    expect(plan.dataPlane.downtime).toBe(true);
    const vm = plan.dataPlane.virtualMachines.find((v) => v.vm === 'shop1');
    const kinds = vm?.effects.map((effect) => effect.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['stop-deallocate', 'internal-ip-changes', 'vip-kept', 'start']),
    );
    expect(vm?.effects).toContainEqual({ kind: 'vip-changes', vip: '52.1.1.2' });
  });

  it('When a resource group already exists, then the plan says so', () => {
    const { plan } = planOf(cloudServiceEstate(), ['shop-migrated']);
    expect(plan.resourceGroups.find((g) => g.name === 'shop-Migrated')?.alreadyExists).toBe(true);
  });

  it('When quotas are known, then the plan shows the need per region against what is left', () => {
    const e = cloudServiceEstate();
    e.inventory.subscription.quotas = [
      { location: 'West US', resource: 'cores', limit: 10, currentUsage: 9 },
      { location: 'West US', resource: 'publicIpAddresses', limit: 100, currentUsage: 0 },
    ];
    const { plan } = planOf(e);
    expect(plan.quotas.find((q) => q.resource === 'cores')).toEqual({
      location: 'westus',
      resource: 'cores',
      required: 2,
      limit: 10,
      currentUsage: 9,
      available: 1,
      sufficient: false,
    });
    expect(plan.quotas.find((q) => q.resource === 'publicIpAddresses')?.sufficient).toBe(true);
    expect(plan.quotas.find((q) => q.resource === 'networkInterfaces')).toEqual({
      location: 'westus',
      resource: 'networkInterfaces',
      required: 2,
    });
  });

  it('When a role assignment is on a cloud service, then it is recreated on the resource group the service becomes', () => {
    const e = cloudServiceEstate();
    const classicScope = cloudServiceClassicId(e.scope.subscriptionId, e.inventory.cloudServices[0]!);
    e.inventory.roleAssignments = [
      {
        principalId: 'alice',
        principalType: 'User',
        roleDefinitionName: 'Contributor',
        scope: classicScope.toUpperCase(),
      },
      {
        principalId: 'bob',
        principalType: 'User',
        roleDefinitionName: 'Reader',
        scope: '/subscriptions/x/resourceGroups/other',
      },
    ];
    const { plan } = planOf(e);
    expect(plan.rbac.roleAssignments).toEqual([
      expect.objectContaining({
        principalId: 'alice',
        armScopes: [`/subscriptions/${e.scope.subscriptionId}/resourceGroups/shop-Migrated`],
      }),
    ]);
    expect(plan.rbac.mappings.some((m) => m.classicType === 'VirtualMachine' && m.armIds.length > 0)).toBe(
      true,
    );
  });

  it('When settings cannot migrate, then the plan lists them with the reason', () => {
    const { translation, plan } = planOf(vnetEstate());
    const dropped = translation.accounting.filter((entry) => entry.outcome === 'dropped');
    expect(plan.dropped).toHaveLength(dropped.length);
    expect(plan.dropped.every((entry) => typeof entry.reason === 'string' && entry.reason.length > 0)).toBe(
      true,
    );
  });

  it('When the plan is built, then it is calibrated on the number of VMs and ARM writes', () => {
    const { translation, plan } = planOf(cloudServiceEstate());
    expect(plan.estimate.armWrites).toBe(translation.resources.length + translation.resourceGroups.length);
    expect(plan.estimate.prepareMinutes).toBeGreaterThan(12.5);
  });
});

describe('the plan’s renames', () => {
  /** VNet `Group rg my vnet` (a portal-style name) with subnet `my subnet` holding VM `app1`. */
  function spacedEstate(): Estate {
    const vm = aVmRole({
      name: 'app1',
      network: {
        inputEndpoints: [],
        subnetNames: ['my subnet'],
        publicIps: [],
        networkInterfaces: [],
        ipForwarding: false,
      },
    });
    const inventory = anInventory({
      virtualNetworks: [
        aVirtualNetwork({
          name: 'Group rg my vnet',
          subnets: [
            { name: 'my subnet', addressPrefix: '10.0.0.0/24' },
            { name: 'Subnet-2', addressPrefix: '10.0.1.0/24' },
          ],
        }),
      ],
      cloudServices: [
        aCloudService({
          name: 'app',
          deployments: [aDeployment({ name: 'app', virtualNetworkName: 'Group rg my vnet', roles: [vm] })],
        }),
      ],
    });
    return estate(inventory, 'virtualNetwork', 'Group rg my vnet');
  }

  it('When a VNet and a subnet have names with spaces, then the plan lists both renames, caused by the characters', () => {
    const { translation, plan } = planOf(spacedEstate());
    const vnetId = translation.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks')?.id;

    expect(plan.renamed).toEqual([
      expect.objectContaining({
        classicType: 'VirtualNetwork',
        classicName: 'Group rg my vnet',
        armName: 'Group-rg-my-vnet',
        armId: vnetId,
        cause: 'characters',
      }),
      expect.objectContaining({
        classicType: 'Subnet',
        classicName: 'my subnet',
        armName: 'my-subnet',
        armId: `${vnetId}/subnets/my-subnet`,
        cause: 'characters',
      }),
    ]);
  });

  it('When a naming override renames a VM, then the plan lists it as chosen by the naming policy', () => {
    const e = spacedEstate();
    const vmId = `/subscriptions/${e.scope.subscriptionId}/resourceGroups/app/providers/Microsoft.ClassicCompute/virtualMachines/app1`;
    const translation = translateScope(
      translationInput(e, { naming: { templates: {}, overrides: { [vmId]: 'app-01' } } }),
    );
    const plan = buildMigrationPlan({ ...e, translation });

    expect(plan.renamed.find((r) => r.classicType === 'VirtualMachine')).toMatchObject({
      classicName: 'app1',
      armName: 'app-01',
      cause: 'namingPolicy',
    });
  });

  it('When every Classic name is a valid ARM name, then nothing is renamed', () => {
    expect(planOf(vnetEstate()).plan.renamed).toEqual([]);
    expect(planOf(cloudServiceEstate()).plan.renamed).toEqual([]);
  });
});
