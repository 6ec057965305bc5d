import { describe, expect, it } from 'vitest';

import { planAddDataDisk } from '../../../../shared/domain/management/add-data-disk';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  anInventory,
  aVmRole,
} from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';
const target = { serviceName: 'svc', deploymentName: 'svc', roleName: 'vm1' };

const inventoryWith = (dataDisks = [aDataDisk({ lun: 0 })], virtualNetworkName?: string) =>
  anInventory({
    cloudServices: [
      aCloudService({
        name: 'svc',
        deployments: [
          aDeployment({ name: 'svc', virtualNetworkName, roles: [aVmRole({ name: 'vm1', dataDisks })] }),
        ],
      }),
    ],
  });

describe('planAddDataDisk', () => {
  it('When neither LUN nor name nor media link is given, then the next free LUN and a blob beside the OS disk are used', () => {
    const plan = planAddDataDisk(inventoryWith(), target, { logicalDiskSizeInGB: 64 }, now);

    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    const role = plan.outcome.inventory.cloudServices[0]?.deployments[0]?.roles[0];
    expect(role?.roleType === 'PersistentVMRole' && role.dataDisks[1]).toMatchObject({
      lun: 1,
      diskName: 'svc-vm1-1-20260102030405',
      mediaLink: 'https://teststorage.blob.core.windows.net/vhds/svc-vm1-1-20260102030405.vhd',
      logicalDiskSizeInGB: 64,
    });
  });

  it('When the VM is in a VNet, then the VNet scope guards it with the VM text, then the disk account with the storage text', () => {
    const plan = planAddDataDisk(
      inventoryWith([], 'corp'),
      target,
      { lun: 0, logicalDiskSizeInGB: 8, mediaLink: 'https://vault.blob.core.windows.net/vhds/d.vhd' },
      now,
    );
    expect(plan.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'virtualNetwork', name: 'corp' },
        'Management operations on VM are disallowed because migration is in progress',
      ],
      [
        { kind: 'storageAccount', name: 'vault' },
        'Storage account vault is in the process of being migrated and hence cannot be changed',
      ],
    ]);
  });

  it('When the LUN is taken, then it is a ConflictError', () => {
    const plan = planAddDataDisk(inventoryWith(), target, { lun: 0, logicalDiskSizeInGB: 8 }, now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 409, code: 'ConflictError' } });
  });

  it('When an empty disk has no size, then it is a BadRequest', () => {
    const plan = planAddDataDisk(inventoryWith([]), target, { lun: 0 }, now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
  });

  it('When the VM does not exist, then it is ResourceNotFound', () => {
    const plan = planAddDataDisk(
      inventoryWith(),
      { ...target, roleName: 'ghost' },
      { logicalDiskSizeInGB: 8 },
      now,
    );
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404 } });
  });
});
