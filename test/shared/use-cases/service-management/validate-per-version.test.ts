/**
 * The Service Management Validate answers from the inventory cache: asked again with nothing changed it
 * answers the same messages without loading or analysing again (still audited each time); after a write to
 * the inventory, by this service instance or another, it answers as the inventory is now.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import type { ClassicInventoryStore } from '../../../../shared/ports/inventory.port';
import {
  requestMigration,
  type ServiceManagementMigrationRequest,
} from '../../../../shared/use-cases/service-management/migration-request';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { anInventory, aVirtualNetwork } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let loads: number;
let subscriptionId: string;
let vnet: ScopeRef;

const validate = (over: TestServices = services): ReturnType<typeof requestMigration> => {
  const request: ServiceManagementMigrationRequest = {
    scope: vnet,
    operation: 'validate',
    requestId: crypto.randomUUID().replaceAll('-', ''),
    options: {},
    requestedBy: 'alice@contoso.com',
    origin: '203.0.113.7',
  };
  return requestMigration({ ...over, entity: new InMemoryScopeEntity() }, request);
};

beforeEach(async () => {
  const base = testServices();
  loads = 0;
  const inner = base.classicInventory;
  const counting: ClassicInventoryStore = {
    load: (subscription) => {
      loads++;
      return inner.load(subscription);
    },
    save: (inventory) => inner.save(inventory),
    markMigrated: (subscription, resources, operationId) =>
      inner.markMigrated(subscription, resources, operationId),
    remove: (subscription, resources) => inner.remove(subscription, resources),
  };
  services = { ...base, classicInventory: counting };
  subscriptionId = uniqueSubscriptionId();
  vnet = { subscriptionId, kind: 'virtualNetwork', name: 'vnet1' };
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      virtualNetworks: [aVirtualNetwork({ name: 'vnet1' })],
    }),
  );
});

describe('Service Management Validate per inventory version', () => {
  it('When Validate is asked again and nothing changed, then the same answer comes without loading the inventory again, and each call is audited', async () => {
    const first = await validate();
    const again = await validate();
    const fresh = await validate(testServices());

    expect(first).toMatchObject({ kind: 'validated' });
    expect(again).toEqual(first);
    expect(fresh).toEqual(first);
    expect(loads).toBe(1);
    const audit = await services.audit.listByScope(scopeKey(vnet), 10);
    expect(audit.filter((entry) => entry.action === 'validate')).toHaveLength(3);
  });

  it('When another service instance commits the VNet away between two Validates, then the second says it is not found', async () => {
    expect(await validate()).toEqual({ kind: 'validated', findings: [] });

    await testServices().classicInventory.markMigrated(
      subscriptionId,
      [{ collection: 'virtualNetworks', name: 'vnet1' }],
      'op-commit',
    );

    const after = await validate();
    expect(after.kind === 'validated' && after.findings.map((finding) => finding.code)).toEqual([
      'VIRTUAL_NETWORK_NOT_FOUND',
    ]);
  });
});
