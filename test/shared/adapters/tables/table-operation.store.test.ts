import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { TableAuditLog } from '../../../../shared/adapters/tables/table-audit-log';
import { TableOperationStore } from '../../../../shared/adapters/tables/table-operation.store';
import type { OperationRecord } from '../../../../shared/contracts/operation-record';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';

/** A store on a table of its own, so its open-operation index holds this test's operations only. */
function storeOfItsOwn(): TableOperationStore {
  return new TableOperationStore(
    testTableService(),
    `OpsIndex${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  );
}

function anOperation(overrides: Partial<OperationRecord> = {}): OperationRecord {
  return {
    operationId: randomUUID(),
    operation: 'prepare',
    scope: { subscriptionId: 's', kind: 'virtualNetwork', name: 'v' },
    scopeKey: `scope-${randomUUID()}`,
    status: 'Queued',
    options: {},
    requestedBy: 'me',
    source: 'api',
    requestedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('TableOperationStore', () => {
  const store = new TableOperationStore(testTableService());

  it('When an operation is created twice, then the second create says so and the first record stays', async () => {
    const record = anOperation();
    expect(await store.create(record)).toBe(true);
    expect(await store.create({ ...record, requestedBy: 'someone else' })).toBe(false);
    expect(await store.get(record.operationId)).toEqual(record);
  });

  it('When updates race, then none is lost', async () => {
    const record = anOperation({ findings: [] });
    await store.create(record);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.update(record.operationId, (current) => ({
          ...current,
          findings: [
            ...(current.findings ?? []),
            {
              code: `C${i}`,
              severity: 'Error',
              stage: 'classic',
              resourceType: 'T',
              resourceName: 'n',
              message: 'm',
              recommendation: 'r',
            },
          ],
        })),
      ),
    );
    expect((await store.get(record.operationId))?.findings).toHaveLength(8);
  });

  it("When a scope's operations are listed, then the newest comes first", async () => {
    const scopeKey = `scope-${randomUUID()}`;
    const older = anOperation({ scopeKey, requestedAt: '2026-01-01T00:00:00.000Z' });
    const newer = anOperation({ scopeKey, requestedAt: '2026-01-02T00:00:00.000Z' });
    await store.create(older);
    await store.create(newer);
    expect((await store.listByScope(scopeKey)).map((op) => op.operationId)).toEqual([
      newer.operationId,
      older.operationId,
    ]);
  });

  it('When an idempotency key is claimed twice, then the second claim gets the first operation id', async () => {
    const sub = uniqueSubscriptionId();
    expect(await store.claimIdempotencyKey(sub, 'key/with?odd#chars', 'op-1')).toBe('op-1');
    expect(await store.claimIdempotencyKey(sub, 'key/with?odd#chars', 'op-2')).toBe('op-1');
    expect(await store.claimIdempotencyKey(uniqueSubscriptionId(), 'key/with?odd#chars', 'op-3')).toBe(
      'op-3',
    );
  });

  it('When an idempotency key is looked up, then it finds the bound operation id without binding the key', async () => {
    const sub = uniqueSubscriptionId();
    expect(await store.findIdempotencyKey(sub, 'lookup/key')).toBeUndefined();
    expect(await store.claimIdempotencyKey(sub, 'lookup/key', 'op-1')).toBe('op-1');
    expect(await store.findIdempotencyKey(sub, 'lookup/key')).toBe('op-1');
    expect(await store.findIdempotencyKey(uniqueSubscriptionId(), 'lookup/key')).toBeUndefined();
    expect(await store.findIdempotencyKey(sub, 'LOOKUP/KEY')).toBeUndefined();
    expect(await store.claimIdempotencyKey(sub, 'x'.repeat(5000), 'op-long')).toBe('op-long');
    expect(await store.findIdempotencyKey(sub, 'x'.repeat(5000))).toBe('op-long');
  });

  it('When a missing operation is read, then it is undefined', async () => {
    expect(await store.get(randomUUID())).toBeUndefined();
  });
});

describe('TableAuditLog', () => {
  const log = new TableAuditLog(testTableService());

  it('When entries are appended, then they list in time order with every field', async () => {
    const scopeKey = `scope-${randomUUID()}`;
    await log.append({
      at: '2026-01-01T00:00:02.000Z',
      scopeKey,
      actor: 'b',
      source: 'chat',
      action: 'commit',
      outcome: 'accepted',
    });
    await log.append({
      at: '2026-01-01T00:00:01.000Z',
      scopeKey,
      operationId: 'op',
      actor: 'a',
      source: 'api',
      action: 'prepare',
      outcome: 'accepted',
      detail: 'from 10.0.0.1',
    });
    const entries = await log.listByScope(scopeKey);
    expect(entries.map((e) => e.actor)).toEqual(['a', 'b']);
    expect(entries[0]).toMatchObject({ operationId: 'op', detail: 'from 10.0.0.1' });
  });

  it('When operations are recorded, end and are queued again, then the open-operation index follows them', async () => {
    const own = storeOfItsOwn();
    const queued = anOperation();
    const running = anOperation({ status: 'InProgress' });
    await own.create(queued);
    await own.create(running);
    await own.create(anOperation({ status: 'Succeeded' }));
    expect((await own.listOpen()).map((open) => open.operationId).sort()).toEqual(
      [queued.operationId, running.operationId].sort(),
    );
    expect((await own.listOpen()).find((open) => open.operationId === queued.operationId)).toEqual({
      operationId: queued.operationId,
      scopeKey: queued.scopeKey,
      operation: 'prepare',
      requestedAt: queued.requestedAt,
    });
    await own.update(queued.operationId, (record) => ({ ...record, status: 'Failed' }));
    expect((await own.listOpen()).map((open) => open.operationId)).toEqual([running.operationId]);
    // An enqueue retried after it failed takes the record out of its final status: open again.
    await own.update(queued.operationId, (record) => ({ ...record, status: 'Queued' }));
    expect((await own.listOpen()).map((open) => open.operationId)).toContain(queued.operationId);
    await own.forgetOpen(running.operationId);
    expect((await own.listOpen()).map((open) => open.operationId)).toEqual([queued.operationId]);
  });
});
