import { describe, expect, it } from 'vitest';

import {
  locateArmId,
  TableArmInventoryStore,
} from '../../../../shared/adapters/tables/table-arm-inventory.store';
import { tableNames } from '../../../../shared/contracts/names';
import { type ArmResource, armResourceId, resourceGroupId } from '../../../../shared/domain/arm/arm-resource';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';

function aPublicIp(subscriptionId: string, resourceGroup: string, name: string): ArmResource {
  return {
    id: armResourceId(subscriptionId, resourceGroup, 'Microsoft.Network/publicIPAddresses', name),
    name,
    type: 'Microsoft.Network/publicIPAddresses',
    apiVersion: '2016-03-30',
    location: 'westus',
    properties: { publicIPAllocationMethod: 'Dynamic' },
  };
}

function aGroup(subscriptionId: string, name: string) {
  return { id: resourceGroupId(subscriptionId, name), name, location: 'westus' };
}

describe('TableArmInventoryStore', () => {
  const tables = testTableService();
  const store = new TableArmInventoryStore(tables);

  it('When a scope is written, then its groups and resources read back by group and by ID (case-insensitively)', async () => {
    const sub = uniqueSubscriptionId();
    const resources = Array.from({ length: 150 }, (_, i) => aPublicIp(sub, 'web-Migrated', `pip${i}`));
    await store.writeScope(sub, 'scope-a', 'op-1', [aGroup(sub, 'web-Migrated')], resources, 'Prepared');

    expect((await store.listResourceGroups(sub)).map((group) => group.name)).toEqual(['web-Migrated']);
    expect(await store.listResources(sub, 'web-migrated')).toHaveLength(150);
    const one = await store.getResource(
      resources[7]!.id.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'),
    );
    expect(one?.resource).toEqual(resources[7]);
    expect(one).toMatchObject({ phase: 'Prepared', scopeKey: 'scope-a', operationId: 'op-1' });
  });

  it('When a subscription is listed, then every resource of every group comes back, and no other subscription’s', async () => {
    const sub = uniqueSubscriptionId();
    const other = uniqueSubscriptionId();
    await store.writeScope(
      sub,
      'scope-1',
      'op-1',
      [aGroup(sub, 'rg1')],
      [aPublicIp(sub, 'rg1', 'a')],
      'Prepared',
    );
    await store.writeScope(
      sub,
      'scope-2',
      'op-2',
      [aGroup(sub, 'rg2')],
      [aPublicIp(sub, 'rg2', 'b'), aPublicIp(sub, 'rg2', 'c')],
      'Committed',
    );
    await store.writeScope(
      other,
      'scope-3',
      'op-3',
      [aGroup(other, 'rg1')],
      [aPublicIp(other, 'rg1', 'z')],
      'Prepared',
    );

    const listed = await store.listSubscriptionResources(sub);
    expect(listed.map((stored) => `${stored.resourceGroup}/${stored.resource.name}`)).toEqual([
      'rg1/a',
      'rg2/b',
      'rg2/c',
    ]);
    expect(await store.listSubscriptionResources(uniqueSubscriptionId())).toEqual([]);
  });

  it('When a scope is committed, then every resource it wrote is Committed', async () => {
    const sub = uniqueSubscriptionId();
    const pip = aPublicIp(sub, 'rg1', 'pip');
    await store.writeScope(sub, 'scope-c', 'op-1', [aGroup(sub, 'rg1')], [pip], 'Prepared');
    expect(await store.setScopePhase(sub, 'scope-c', 'Committed')).toBe(1);
    expect((await store.getResource(pip.id))?.phase).toBe('Committed');
  });

  it('When a scope is removed, then exactly what it wrote goes, including after two prepares, and a retry is harmless', async () => {
    const sub = uniqueSubscriptionId();
    await store.writeScope(
      sub,
      'scope-r',
      'op-1',
      [aGroup(sub, 'rg1')],
      [aPublicIp(sub, 'rg1', 'a')],
      'Prepared',
    );
    await store.writeScope(
      sub,
      'scope-r',
      'op-2',
      [aGroup(sub, 'rg1')],
      [aPublicIp(sub, 'rg1', 'b')],
      'Prepared',
    );
    await store.writeScope(
      sub,
      'other',
      'op-3',
      [aGroup(sub, 'rg2')],
      [aPublicIp(sub, 'rg2', 'c')],
      'Prepared',
    );

    expect(await store.removeScope(sub, 'scope-r')).toBe(2);
    expect(await store.removeScope(sub, 'scope-r')).toBe(0);
    expect(await store.listResources(sub, 'rg1')).toEqual([]);
    expect((await store.listResourceGroups(sub)).map((group) => group.name)).toEqual(['rg2']);
    expect(await store.listResources(sub, 'rg2')).toHaveLength(1);
  });

  it('When two scopes share a resource group, then removing one keeps the group for the other', async () => {
    const sub = uniqueSubscriptionId();
    await store.writeScope(
      sub,
      's1',
      'op-1',
      [aGroup(sub, 'shared')],
      [aPublicIp(sub, 'shared', 'a')],
      'Prepared',
    );
    await store.writeScope(
      sub,
      's2',
      'op-2',
      [aGroup(sub, 'shared')],
      [aPublicIp(sub, 'shared', 'b')],
      'Prepared',
    );
    await store.removeScope(sub, 's2');
    expect(await store.getResourceGroup(sub, 'shared')).toBeDefined();
    expect((await store.listResources(sub, 'shared')).map((r) => r.resource.name)).toEqual(['a']);
  });

  it('When a scope writes thousands of resources, then the manifest lists them all and Abort removes them all', async () => {
    const sub = uniqueSubscriptionId();
    const resources = Array.from({ length: 3000 }, (_, i) =>
      aPublicIp(sub, `rg${i % 3}`, `pip-with-a-longish-name-${i}`),
    );
    const groups = [0, 1, 2].map((i) => aGroup(sub, `rg${i}`));
    await store.writeScope(sub, 'big-scope', 'op-1', groups, resources, 'Prepared');
    expect(await store.manifest(sub, 'big-scope')).toHaveLength(3003);
    expect(await store.removeScope(sub, 'big-scope')).toBe(3000);
    expect(await store.manifest(sub, 'big-scope')).toEqual([]);
    expect(await store.listResourceGroups(sub)).toEqual([]);
  });

  it('When Prepare stopped after its manifest but before some rows, then Commit and Abort act on the rows that exist', async () => {
    const sub = uniqueSubscriptionId();
    const resources = ['a', 'b', 'c'].map((name) => aPublicIp(sub, 'rg1', name));
    await store.writeScope(sub, 'half', 'op-1', [aGroup(sub, 'rg1')], resources, 'Prepared');
    // As if the process died before writing `b`: the manifest names it, the row is not there.
    const missing = locateArmId(resources[1]!.id)!;
    await (await tables.table(tableNames.armInventory)).deleteEntity(missing.partitionKey, missing.rowKey);

    expect(await store.setScopePhase(sub, 'half', 'Committed')).toBe(2);
    expect((await store.listResources(sub, 'rg1')).map((r) => `${r.resource.name} ${r.phase}`)).toEqual([
      'a Committed',
      'c Committed',
    ]);
    expect(await store.removeScope(sub, 'half')).toBe(2);
    expect(await store.listResources(sub, 'rg1')).toEqual([]);
    expect(await store.listResourceGroups(sub)).toEqual([]);
  });

  it('When another scope wrote the same resource later, then the first scope leaving neither changes nor removes it', async () => {
    const sub = uniqueSubscriptionId();
    const same = aPublicIp(sub, 'rg1', 'same');
    await store.writeScope(
      sub,
      'first',
      'op-1',
      [aGroup(sub, 'rg1')],
      [same, aPublicIp(sub, 'rg1', 'own')],
      'Prepared',
    );
    await store.writeScope(sub, 'second', 'op-2', [aGroup(sub, 'rg1')], [same], 'Prepared');

    expect(await store.setScopePhase(sub, 'first', 'Committed')).toBe(1);
    expect(await store.getResource(same.id)).toMatchObject({ scopeKey: 'second', phase: 'Prepared' });
    expect(await store.removeScope(sub, 'first')).toBe(1);
    expect((await store.listResources(sub, 'rg1')).map((r) => r.resource.name)).toEqual(['same']);
    expect(await store.getResourceGroup(sub, 'rg1')).toBeDefined();
  });
});
