import { describe, expect, it } from 'vitest';

import { planDeleteStorageAccount } from '../../../../shared/domain/management/delete-storage-account';
import { planUpdateStorageAccount } from '../../../../shared/domain/management/update-storage-account';
import {
  aClassicDisk,
  aCloudService,
  anInventory,
  aStorageAccount,
} from '../../../fixtures/classic-builders';

const inventory = anInventory({
  storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'spare', accountType: 'Standard_LRS' })],
  cloudServices: [aCloudService({ name: 'svc' })],
});

describe('storage account writes', () => {
  it('When a storage account is updated, then it has the new label, description and replication, guarded by its own lock', () => {
    const plan = planUpdateStorageAccount(inventory, 'SPARE', {
      label: 'Spare',
      description: 'kept for later',
      accountType: 'Standard_GRS',
    });
    expect(plan.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'storageAccount', name: 'spare' },
        'Storage account spare is in the process of being migrated and hence cannot be changed',
      ],
    ]);
    expect(plan.outcome).toMatchObject({ ok: true, changed: { storageAccounts: ['spare'] } });
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.storageAccounts[1]).toMatchObject({
      label: 'Spare',
      description: 'kept for later',
      accountType: 'Standard_GRS',
    });
  });

  it('When the replication would change to premium storage, then it is a BadRequest', () => {
    expect(
      planUpdateStorageAccount(inventory, 'spare', { accountType: 'Premium_LRS' }).outcome,
    ).toMatchObject({
      ok: false,
      error: { httpStatus: 400 },
    });
  });

  it('When a storage account holding VM disks or repository disks is deleted, then it is a conflict; an unused one is removed', () => {
    expect(planDeleteStorageAccount(inventory, 'teststorage').outcome).toMatchObject({
      ok: false,
      error: { httpStatus: 409, message: expect.stringContaining('VM vm1 of cloud service svc') },
    });
    const withDisk = anInventory({
      storageAccounts: [aStorageAccount({ name: 'spare' })],
      disks: [aClassicDisk({ name: 'd', mediaLink: 'https://spare.blob.core.windows.net/vhds/d.vhd' })],
    });
    expect(planDeleteStorageAccount(withDisk, 'spare').outcome).toMatchObject({ ok: false });
    const plan = planDeleteStorageAccount(inventory, 'spare');
    expect(plan.lockTargets.map((t) => t.scope)).toEqual([{ kind: 'storageAccount', name: 'spare' }]);
    expect(plan.outcome).toMatchObject({
      ok: true,
      changed: { removed: [{ collection: 'storageAccounts', name: 'spare' }] },
    });
  });

  it('When the storage account does not exist, then it is ResourceNotFound', () => {
    expect(planDeleteStorageAccount(inventory, 'nope').outcome).toMatchObject({
      ok: false,
      error: { httpStatus: 404, code: 'ResourceNotFound' },
    });
  });
});
