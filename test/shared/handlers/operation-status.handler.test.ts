import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import type { OperationRecord } from '../../../shared/contracts/operation-record';
import { initialScopeEntityState } from '../../../shared/domain/migration/scope-entity.reducer';
import { getOperation } from '../../../shared/handlers/operation-status.handler';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';

const record = (status: OperationRecord['status']): OperationRecord => ({
  operationId: 'op-1',
  operation: 'prepare',
  scope: { subscriptionId: 'sub-1', kind: 'virtualNetwork', name: 'Prod-VNet' },
  scopeKey: 'sub-1_virtualNetwork_prod-vnet',
  status,
  options: {},
  requestedBy: 'alice',
  source: 'portal',
  requestedAt: '2026-12-06T10:00:00Z',
});

function services(status: OperationRecord['status']) {
  return {
    operations: { get: (id: string) => Promise.resolve(id === 'op-1' ? record(status) : undefined) },
    clock: { now: () => new Date('2026-12-06T10:00:40Z') },
  } as unknown as Parameters<typeof getOperation>[0];
}

const request = () =>
  new HttpRequest({
    method: 'GET',
    url: 'http://localhost/api/operations/op-1',
    params: { operationId: 'op-1' },
  });

describe('GET /api/operations/{id}', () => {
  const entity = new InMemoryScopeEntity();
  entity.states.set('sub-1_virtualNetwork_prod-vnet', {
    ...initialScopeEntityState,
    state: 'Preparing',
    running: {
      operationId: 'op-1',
      operation: 'prepare',
      startedAt: '2026-12-06T10:00:00Z',
      leaseUntil: '2026-12-07T10:00:00Z',
    },
    progress: { step: 'writeArm', done: 1, total: 5, updatedAt: '2026-12-06T10:00:30Z' },
  });

  it('When the operation runs, then the record carries its progress from the entity (done/total, percent, ETA)', async () => {
    const response = await getOperation(services('InProgress'), request(), entity);
    expect(response.jsonBody).toMatchObject({
      status: 'InProgress',
      progress: { done: 1, total: 5, percent: 20, etaSeconds: 160 },
    });
    expect(response.headers).toMatchObject({ 'retry-after': '1' });
  });

  it('When the operation is over, then the record is as stored, without progress', async () => {
    const response = await getOperation(services('Succeeded'), request(), entity);
    expect(response.jsonBody).not.toHaveProperty('progress');
  });
});
