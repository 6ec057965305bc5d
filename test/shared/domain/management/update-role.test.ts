import { describe, expect, it } from 'vitest';

import { networkConfigurationSchema } from '../../../../shared/domain/classic/compute.schema';
import { planUpdateRole, type UpdateRoleRequest } from '../../../../shared/domain/management/update-role';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  aNetworkSecurityGroup,
  anInputEndpoint,
  anInventory,
  aStorageAccount,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';
const target = { serviceName: 'svc', deploymentName: 'svc', roleName: 'vm1' };
const vm = aVmRole({
  name: 'vm1',
  dataDisks: [aDataDisk({ blobSizeBytes: 512, mediaLinkAccessible: false })],
});
const inventory = anInventory({
  storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'other' })],
  networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
  cloudServices: [aCloudService({ name: 'svc', deployments: [aDeployment({ name: 'svc', roles: [vm] })] })],
});
const request = (overrides: Partial<UpdateRoleRequest> = {}): UpdateRoleRequest => ({
  roleName: 'vm1',
  network: vm.network,
  dataDisks: vm.dataDisks,
  extensions: [],
  ...overrides,
});

describe('planUpdateRole', () => {
  it('When the endpoints and size change, then the VM has them, its instance the size, and the OS disk is kept', () => {
    const plan = planUpdateRole(
      inventory,
      target,
      request({
        roleSize: 'Large',
        network: networkConfigurationSchema.parse({
          inputEndpoints: [anInputEndpoint({ name: 'web', port: 80, localPort: 80 })],
        }),
      }),
      now,
    );
    expect(plan.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'cloudService', name: 'svc' },
        'Management operations on VM are disallowed because migration is in progress',
      ],
    ]);
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    const deployment = plan.outcome.inventory.cloudServices[0]?.deployments[0];
    const role = deployment?.roles[0];
    expect(role?.roleType === 'PersistentVMRole' && role.network.inputEndpoints.map((e) => e.name)).toEqual([
      'web',
    ]);
    expect(role).toMatchObject({ roleSize: 'Large', osDisk: vm.osDisk });
    expect(deployment?.roleInstances[0]?.instanceSize).toBe('Large');
    // Facts Service Management never returns stay with the disk the VM keeps.
    expect(role?.roleType === 'PersistentVMRole' && role.dataDisks[0]).toMatchObject({
      blobSizeBytes: 512,
      mediaLinkAccessible: false,
    });
    expect(plan.outcome.changed).toEqual({ cloudServices: ['svc'] });
  });

  it('When the update adds a disk in another account and an NSG, then their locks guard it after the VM', () => {
    const plan = planUpdateRole(
      inventory,
      target,
      request({
        dataDisks: [
          ...vm.dataDisks,
          aDataDisk({ lun: 1, mediaLink: 'https://other.blob.core.windows.net/vhds/d1.vhd', diskName: 'd1' }),
        ],
        network: { ...vm.network, networkSecurityGroup: 'NSG1' },
      }),
      now,
    );
    expect(plan.lockTargets.map((t) => t.refusal.message)).toEqual([
      'Management operations on VM are disallowed because migration is in progress',
      'Storage account other is in the process of being migrated and hence cannot be changed',
      'NetworkSecurityGroup nsg1 is in the process of being migrated and hence cannot be changed',
    ]);
  });

  it('When the body names another role, a subnet outside a VNet, a missing NSG or a LUN twice, then it is refused and the lock is still consulted', () => {
    const cases: [Partial<UpdateRoleRequest>, number][] = [
      [{ roleName: 'vm2' }, 400],
      [{ network: { ...vm.network, subnetNames: ['Subnet-1'] } }, 400],
      [{ network: { ...vm.network, networkSecurityGroup: 'missing' } }, 404],
      [{ dataDisks: [aDataDisk({ lun: 0 }), aDataDisk({ lun: 0, diskName: 'x' })] }, 400],
    ];
    for (const [overrides, status] of cases) {
      const plan = planUpdateRole(inventory, target, request(overrides), now);
      expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: status } });
      expect(plan.lockTargets.length).toBeGreaterThan(0);
    }
  });

  it('When a VM in a VNet is updated without a subnet, then it is a BadRequest', () => {
    const inVnet = anInventory({
      virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
      cloudServices: [
        aCloudService({
          name: 'svc',
          deployments: [aDeployment({ name: 'svc', virtualNetworkName: 'corp', roles: [vm] })],
        }),
      ],
    });
    const plan = planUpdateRole(inVnet, target, request(), now);
    expect(plan.lockTargets[0]?.scope).toEqual({ kind: 'virtualNetwork', name: 'corp' });
    expect(plan.outcome).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
  });

  it('When the VM does not exist, then it is ResourceNotFound', () => {
    const plan = planUpdateRole(inventory, { ...target, roleName: 'nope' }, request(), now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404 } });
  });
});
