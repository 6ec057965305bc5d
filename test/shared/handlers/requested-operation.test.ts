/**
 * An operation poll through the authorisation edge (the target needs the operation's subscription, the
 * handler its record) reads the record once.
 */
import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { withAuthorization } from '../../../shared/handlers/auth/authorized';
import { requestTargets } from '../../../shared/handlers/auth/request-targets';
import { getOperation } from '../../../shared/handlers/operation-status.handler';
import type { OperationStore } from '../../../shared/ports/operation.port';
import { requestOperation } from '../../../shared/use-cases/request-operation/request-operation';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../support/storage';
import { testServices } from '../../support/test-services';

describe('GET /api/operations/{id} through the authorisation edge', () => {
  it('When an operation is polled, then its record is read once per poll', async () => {
    const base = testServices();
    const subscriptionId = uniqueSubscriptionId();
    await base.classicInventory.save(
      anInventory({
        subscription: { id: subscriptionId, registeredForMigration: true },
        networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
      }),
    );
    const admitted = await requestOperation(
      { ...base, entity: new InMemoryScopeEntity() },
      {
        scope: { subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' },
        operation: 'validate',
        options: {},
        requestedBy: 'alice@contoso.com',
        source: 'api',
      },
    );
    if (admitted.kind !== 'started') throw new Error(`not admitted: ${admitted.kind}`);
    const operationId = admitted.operation.operationId;

    let reads = 0;
    const operations: OperationStore = Object.create(base.operations) as OperationStore;
    operations.get = (id) => {
      reads++;
      return base.operations.get(id);
    };
    const services = { ...base, operations };
    const poll = () => {
      const request = new HttpRequest({
        method: 'GET',
        url: `http://localhost/api/operations/${operationId}`,
        params: { operationId },
      });
      return withAuthorization(services, request, 'json', requestTargets(services).jsonOperationRead, () =>
        getOperation(services, request),
      );
    };

    const first = await poll();
    expect(first.status).toBe(200);
    expect(first.jsonBody).toMatchObject({ operationId, status: 'Queued' });
    expect(reads).toBe(1);
    await poll();
    expect(reads).toBe(2);
  });
});
