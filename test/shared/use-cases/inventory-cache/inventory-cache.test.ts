/**
 * The inventory cache keeps what follows from a subscription's inventories per inventory version: loaded
 * once per version, computed again after a write (a new version), and shared read-only (frozen), so the
 * analysis that runs on a shared inventory must never change it.
 */
import { describe, expect, it } from 'vitest';

import type { ClassicInventory } from '../../../../shared/domain/classic/inventory.schema';
import { freezeDeep } from '../../../../shared/domain/freeze-deep';
import type { ClassicInventoryStore } from '../../../../shared/ports/inventory.port';
import { analyseScope } from '../../../../shared/use-cases/analyse-scope';
import {
  cacheKind,
  InventoryCache,
  stableKey,
} from '../../../../shared/use-cases/inventory-cache/inventory-cache';
import { InMemoryInventoryVersions } from '../../../fakes/in-memory-inventory-versions';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { e2eEstate } from '../../../fixtures/e2e-estate';
import {
  cloudServiceEstate,
  type Estate,
  networkSecurityGroupEstate,
  reservedIpEstate,
  routeTableEstate,
  storageAccountEstate,
  vnetEstate,
} from '../../../fixtures/translation-estates';

const subscriptionId = '22222222-2222-2222-2222-222222222222';

/** A Classic store over one inventory that counts its loads. */
class CountingStore implements ClassicInventoryStore {
  loads = 0;
  constructor(public inventory: ClassicInventory) {}
  load(): Promise<ClassicInventory> {
    this.loads++;
    return Promise.resolve(structuredClone(this.inventory));
  }
  save = () => Promise.resolve();
  markMigrated = () => Promise.resolve();
  remove = () => Promise.resolve();
}

const estateWith = (nsgs: string[]) =>
  anInventory({
    subscription: { id: subscriptionId, registeredForMigration: true },
    networkSecurityGroups: nsgs.map((name) => aNetworkSecurityGroup({ name })),
  });

describe('InventoryCache', () => {
  it('When the inventory is read again at the same version, then it is loaded once', async () => {
    const cache = new InventoryCache(1024 * 1024);
    const deps = {
      inventoryVersions: new InMemoryInventoryVersions(),
      classicInventory: new CountingStore(estateWith(['a'])),
    };
    const first = await cache.classic(deps, subscriptionId);
    const second = await cache.classic(deps, subscriptionId);
    expect(second).toBe(first);
    expect(deps.classicInventory.loads).toBe(1);
  });

  it('When the version moves on (a write), then the next read loads the inventory as it is now', async () => {
    const cache = new InventoryCache(1024 * 1024);
    const deps = {
      inventoryVersions: new InMemoryInventoryVersions(),
      classicInventory: new CountingStore(estateWith(['a'])),
    };
    await cache.classic(deps, subscriptionId);
    deps.classicInventory.inventory = estateWith(['a', 'b']);
    expect((await cache.classic(deps, subscriptionId)).networkSecurityGroups).toHaveLength(1);
    await deps.inventoryVersions.bump(subscriptionId);
    expect((await cache.classic(deps, subscriptionId)).networkSecurityGroups.map((nsg) => nsg.name)).toEqual([
      'a',
      'b',
    ]);
    expect(deps.classicInventory.loads).toBe(2);
  });

  it('When a kept inventory is changed by a caller, then the change fails instead of reaching other callers', async () => {
    const cache = new InventoryCache(1024 * 1024);
    const deps = {
      inventoryVersions: new InMemoryInventoryVersions(),
      classicInventory: new CountingStore(estateWith(['a'])),
    };
    const inventory = await cache.classic(deps, subscriptionId);
    expect(() => inventory.networkSecurityGroups.push(aNetworkSecurityGroup({ name: 'sneaky' }))).toThrow(
      TypeError,
    );
    expect((await cache.classic(deps, subscriptionId)).networkSecurityGroups).toHaveLength(1);
  });

  it('When two kinds use the same key, then each keeps its own value', async () => {
    const cache = new InventoryCache(1024 * 1024);
    const deps = {
      inventoryVersions: new InMemoryInventoryVersions(),
      classicInventory: new CountingStore(estateWith([])),
    };
    const left = cacheKind<string>('test-left');
    const right = cacheKind<string>('test-right');
    const snapshot = await cache.snapshot(deps, subscriptionId);
    await snapshot.derived(left, 'k', () => Promise.resolve({ value: 'L', bytes: 1 }));
    await snapshot.derived(right, 'k', () => Promise.resolve({ value: 'R', bytes: 1 }));
    const again = await cache.snapshot(deps, subscriptionId);
    expect(await again.derived(left, 'k', () => Promise.reject(new Error('recomputed')))).toBe('L');
    expect(await again.derived(right, 'k', () => Promise.reject(new Error('recomputed')))).toBe('R');
  });

  it('When options list their fields in another order, then they make the same key', () => {
    expect(stableKey({ profile: 'ga', destination: { type: 'New', b: 1, a: 2 } })).toBe(
      stableKey({ destination: { a: 2, type: 'New', b: 1 }, profile: 'ga' }),
    );
  });
});

describe('analysis on a shared inventory', () => {
  const estates: [string, Estate][] = [
    ['a VNet with gateways, NSG and route table', vnetEstate()],
    ['a cloud service outside a VNet', cloudServiceEstate()],
    ['a storage account', storageAccountEstate()],
    ['a reserved IP', reservedIpEstate()],
    ['an NSG', networkSecurityGroupEstate()],
    ['a route table', routeTableEstate()],
  ];
  const e2e = e2eEstate(subscriptionId);
  const e2eScopes: [string, Estate][] = (
    [
      ['virtualNetwork', 'Prod-VNet'],
      ['virtualNetwork', 'Legacy-VNet'],
      ['cloudService', 'contoso-ftp'],
    ] as const
  ).map(([kind, name]) => [
    `${kind} ${name} of the end-to-end estate`,
    { inventory: e2e, scope: { subscriptionId, kind, name }, contents: undefined as never },
  ]);

  it.each([...estates, ...e2eScopes])(
    'When %s is analysed on a frozen inventory, then nothing throws and the analysis equals the one on a copy',
    (_label, { inventory, scope }) => {
      const input = (of: ClassicInventory) => ({
        inventory: of,
        scope,
        options: {},
        includePreflight: true,
        existingArm: { resourceGroups: [], resources: [] },
      });
      const frozen = structuredClone(inventory);
      freezeDeep(frozen);
      expect(analyseScope(input(frozen))).toEqual(analyseScope(input(structuredClone(inventory))));
    },
  );

  it('When parts of a value were frozen before (rows kept by the Classic store), then its size still counts them', () => {
    const row = { name: 'web', roles: [{ name: 'r'.repeat(10_000) }] };
    const unshared = freezeDeep(structuredClone({ cloudServices: [row] }));
    freezeDeep(row);
    expect(freezeDeep({ cloudServices: [row] })).toBe(unshared);
    expect(unshared).toBeGreaterThan(20_000);
  });
});
