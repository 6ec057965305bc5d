/**
 * Every write to a subscription's Classic or ARM inventory moves its version on, through whichever store
 * instance (worker) made it, so what any worker keeps per version is never served after the write.
 */
import { describe, expect, it } from 'vitest';

import { TableArmInventoryStore } from '../../../../shared/adapters/tables/table-arm-inventory.store';
import { TableClassicInventoryStore } from '../../../../shared/adapters/tables/table-classic-inventory.store';
import {
  changingInventory,
  TableInventoryVersions,
} from '../../../../shared/adapters/tables/table-inventory-versions';
import { type ArmResource, armResourceId, resourceGroupId } from '../../../../shared/domain/arm/arm-resource';
import { classicPart } from '../../../../shared/ports/inventory-version.port';
import { InMemoryInventoryVersions } from '../../../fakes/in-memory-inventory-versions';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';

const versions = new TableInventoryVersions(testTableService());

function aPublicIp(subscriptionId: string, name: string): ArmResource {
  return {
    id: armResourceId(subscriptionId, 'rg1', 'Microsoft.Network/publicIPAddresses', name),
    name,
    type: 'Microsoft.Network/publicIPAddresses',
    apiVersion: '2016-03-30',
    location: 'westus',
    properties: { publicIPAllocationMethod: 'Dynamic' },
  };
}

/** Runs `write` and answers whether the subscription's version changed. */
async function moves(subscriptionId: string, write: () => Promise<unknown>): Promise<boolean> {
  const before = await versions.current(subscriptionId);
  await write();
  return (await versions.current(subscriptionId)) !== before;
}

describe('TableInventoryVersions', () => {
  it('When nothing was ever written, then the version is the same on every read', async () => {
    const sub = uniqueSubscriptionId();
    expect(await versions.current(sub)).toBe(await versions.current(sub));
  });

  it('When the Classic store saves, marks migrated or removes, then each write moves the version on', async () => {
    const sub = uniqueSubscriptionId();
    // Its own store instance, as another worker's would be: the version lives in Tables, not in a process.
    const store = new TableClassicInventoryStore(testTableService());
    const inventory = anInventory({
      subscription: { id: sub, registeredForMigration: true },
      networkSecurityGroups: [
        aNetworkSecurityGroup({ name: 'nsg1' }),
        aNetworkSecurityGroup({ name: 'nsg2' }),
      ],
    });
    expect(await moves(sub, () => store.save(inventory))).toBe(true);
    expect(
      await moves(sub, () =>
        store.markMigrated(sub, [{ collection: 'networkSecurityGroups', name: 'nsg1' }], 'op-1'),
      ),
    ).toBe(true);
    expect(
      await moves(sub, () => store.remove(sub, [{ collection: 'networkSecurityGroups', name: 'nsg2' }])),
    ).toBe(true);
  });

  it('When the ARM store writes a scope, sets its phase or removes it, then each write moves the version on', async () => {
    const sub = uniqueSubscriptionId();
    const store = new TableArmInventoryStore(testTableService());
    const group = { id: resourceGroupId(sub, 'rg1'), name: 'rg1', location: 'westus' };
    expect(
      await moves(sub, () =>
        store.writeScope(sub, `${sub}_scope`, 'op-1', [group], [aPublicIp(sub, 'pip1')], 'Prepared'),
      ),
    ).toBe(true);
    expect(await moves(sub, () => store.setScopePhase(sub, `${sub}_scope`, 'Committed'))).toBe(true);
    expect(await moves(sub, () => store.removeScope(sub, `${sub}_scope`))).toBe(true);
  });

  it('When only the ARM inventory is written, then the Classic part of the version stays and the Classic store moves it', async () => {
    const sub = uniqueSubscriptionId();
    const group = { id: resourceGroupId(sub, 'rg1'), name: 'rg1', location: 'westus' };
    const before = await versions.current(sub);
    await new TableArmInventoryStore(testTableService()).writeScope(
      sub,
      `${sub}_scope`,
      'op-1',
      [group],
      [aPublicIp(sub, 'pip1')],
      'Prepared',
    );
    const afterArm = await versions.current(sub);
    expect(afterArm).not.toBe(before);
    expect(classicPart(afterArm)).toBe(classicPart(before));
    await new TableClassicInventoryStore(testTableService()).save(
      anInventory({ subscription: { id: sub, registeredForMigration: true } }),
    );
    expect(classicPart(await versions.current(sub))).not.toBe(classicPart(afterArm));
  });

  it('When one subscription is written, then another subscription keeps its version', async () => {
    const written = uniqueSubscriptionId();
    const other = uniqueSubscriptionId();
    const before = await versions.current(other);
    await new TableClassicInventoryStore(testTableService()).save(
      anInventory({ subscription: { id: written, registeredForMigration: true } }),
    );
    expect(await versions.current(other)).toBe(before);
  });
});

describe('changingInventory', () => {
  it('When a write fails part-way, then the version moves on all the same and the write’s error is thrown', async () => {
    const fake = new InMemoryInventoryVersions();
    const before = await fake.current('sub');
    const failure = new Error('batch 3 of 5 failed');
    await expect(changingInventory(fake, 'sub', 'classic', () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect(await fake.current('sub')).not.toBe(before);
  });

  it('When the version cannot be moved after a write, then the write is reported failed (so it is retried)', async () => {
    const broken = {
      current: () => Promise.resolve('v'),
      bump: () => Promise.reject(new Error('storage down')),
    };
    await expect(changingInventory(broken, 'sub', 'arm', () => Promise.resolve())).rejects.toThrow(
      'storage down',
    );
  });
});
