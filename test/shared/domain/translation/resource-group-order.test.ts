import { describe, expect, it } from 'vitest';

import type { ArmResource } from '../../../../shared/domain/arm/arm-resource';
import { orderResourceGroups } from '../../../../shared/domain/translation/resource-group-order';

const group = (name: string) => ({ id: `/subscriptions/s/resourceGroups/${name}`, name, location: 'westus' });
const res = (rg: string, name: string, dependsOn: string[] = []): ArmResource => ({
  id: `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.Network/networkInterfaces/${name}`,
  name,
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2016-09-01',
  location: 'westus',
  properties: {},
  dependsOn,
});

describe('orderResourceGroups', () => {
  it('When a group depends on a group created after it, then it is deployed after that group', () => {
    const vnet = res('vnet-Migrated', 'x');
    const ordered = orderResourceGroups(
      [group('cs-Migrated'), group('vnet-Migrated')],
      [res('cs-Migrated', 'nic', [vnet.id.toUpperCase()]), vnet],
    );
    expect(ordered.map((g) => g.name)).toEqual(['vnet-Migrated', 'cs-Migrated']);
  });

  it('When groups do not depend on each other, then creation order is kept', () => {
    expect(orderResourceGroups([group('b'), group('a')], []).map((g) => g.name)).toEqual(['b', 'a']);
  });
});
