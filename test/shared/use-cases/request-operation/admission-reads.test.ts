/**
 * What admission reads: the Classic inventory once per inventory version (not on every request), the scope
 * entity only when the decision needs it (a Validate of a scope the inventory holds is admitted in every
 * state), and a write to the inventory shows in the next admission.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import type { ClassicInventoryStore } from '../../../../shared/ports/inventory.port';
import type { OperationRequest } from '../../../../shared/use-cases/request-operation/operation-request';
import { requestOperation } from '../../../../shared/use-cases/request-operation/request-operation';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

/** The in-memory entity, counting reads. */
class CountingEntity extends InMemoryScopeEntity {
  reads = 0;
  override read(key: string) {
    this.reads++;
    return super.read(key);
  }
}

let services: TestServices;
let loads: number;
let entity: CountingEntity;
let subscriptionId: string;

const nsg = (name: string): ScopeRef => ({ subscriptionId, kind: 'networkSecurityGroup', name });
const request = (scope: ScopeRef, overrides: Partial<OperationRequest> = {}): OperationRequest => ({
  scope,
  operation: 'validate',
  options: {},
  requestedBy: 'alice@contoso.com',
  source: 'api',
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});
const estate = (names: string[]) =>
  anInventory({
    subscription: { id: subscriptionId, registeredForMigration: true },
    networkSecurityGroups: names.map((name) => aNetworkSecurityGroup({ name })),
  });

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
  entity = new CountingEntity();
  subscriptionId = uniqueSubscriptionId();
  await services.classicInventory.save(estate(['nsg1', 'nsg2', 'nsg3']));
});

describe('admission reads', () => {
  it('When many Validates are admitted while the inventory does not change, then it is loaded once and no entity is read', async () => {
    for (const name of ['nsg1', 'nsg2', 'nsg3', 'nsg1']) {
      expect((await requestOperation({ ...services, entity }, request(nsg(name)))).kind).toBe('started');
    }
    expect(loads).toBe(1);
    expect(entity.reads).toBe(0);
    expect(services.messages.sent).toHaveLength(4);
  });

  it('When a Commit is asked, then the entity is read (its state decides)', async () => {
    const result = await requestOperation(
      { ...services, entity },
      request(nsg('nsg1'), { operation: 'commit' }),
    );
    expect(result).toMatchObject({ kind: 'refused', code: 'NotPrepared' });
    expect(entity.reads).toBeGreaterThan(0);
  });

  it('When a Validate names a scope the inventory no longer holds but the entity knows, then it is admitted', async () => {
    await services.classicInventory.markMigrated(
      subscriptionId,
      [{ collection: 'networkSecurityGroups', name: 'nsg2' }],
      'op-commit',
    );
    entity.setState(scopeKey(nsg('nsg2')), 'Committed');
    expect((await requestOperation({ ...services, entity }, request(nsg('nsg2')))).kind).toBe('started');
  });

  it('When a Validate names a scope neither the inventory nor the entity knows, then it is not found', async () => {
    expect((await requestOperation({ ...services, entity }, request(nsg('nope')))).kind).toBe('notFound');
  });

  it('When another service instance imports a scope after an admission, then the next admission finds it', async () => {
    await requestOperation({ ...services, entity }, request(nsg('nsg1')));
    expect((await requestOperation({ ...services, entity }, request(nsg('nsg4')))).kind).toBe('notFound');

    await testServices().classicInventory.save(estate(['nsg4']));

    expect((await requestOperation({ ...services, entity }, request(nsg('nsg4')))).kind).toBe('started');
    expect(loads).toBe(2);
  });

  it('When the same idempotency key is sent twice, then the second answers with the first operation', async () => {
    const key = crypto.randomUUID();
    const first = await requestOperation(
      { ...services, entity },
      request(nsg('nsg1'), { idempotencyKey: key }),
    );
    const second = await requestOperation(
      { ...services, entity },
      request(nsg('nsg1'), { idempotencyKey: key }),
    );
    expect(first.kind).toBe('started');
    expect(second).toMatchObject({
      kind: 'existing',
      operation: { operationId: first.kind === 'started' ? first.operation.operationId : '' },
    });
  });
});
