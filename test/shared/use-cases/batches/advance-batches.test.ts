/**
 * The batch use cases with the real stores on Azurite, real admission, the scope entity in memory, the
 * phase queues recorded and a clock the test moves: creation checks, the scheduler's steps, reports,
 * commands, and two schedulers racing on one batch.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { batchRequestSchema } from '../../../../shared/contracts/batch-request';
import type { OperationRecord } from '../../../../shared/contracts/operation-record';
import { advanceBatches, advanceOne } from '../../../../shared/use-cases/batches/advance-batches';
import { getBatchReport, runBatchCommand } from '../../../../shared/use-cases/batches/batch-commands';
import { createBatch, createNightlyValidation } from '../../../../shared/use-cases/batches/create-batch';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-12-12T21:00:00Z');
  services = { ...testServices(), clock: { now: () => now } };
  entity = new InMemoryScopeEntity();
  subscriptionId = uniqueSubscriptionId();
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      networkSecurityGroups: ['nsg-a', 'nsg-b', 'nsg-c'].map((name) => aNetworkSecurityGroup({ name })),
    }),
  );
});

const plan = (overrides: Record<string, unknown> = {}) =>
  batchRequestSchema.parse({
    name: 'nsgs',
    scopes: ['nsg-a', 'nsg-b', 'nsg-c'].map((name) => ({ kind: 'networkSecurityGroups', name })),
    phases: ['validate'],
    window: { start: '2026-12-12T22:00', durationMinutes: 60, recurEvery: 'Day' },
    maxConcurrent: 2,
    ...overrides,
  });

async function created(overrides: Record<string, unknown> = {}) {
  const result = await createBatch(services, subscriptionId, plan(overrides), 'alice');
  if (result.kind !== 'created') throw new Error(JSON.stringify(result));
  return result.batch.plan.batchId;
}

/** Ends an operation as its phase would have. */
async function finishOperation(operationId: string, change: Partial<OperationRecord> = {}) {
  await services.operations.update(operationId, (record) => ({
    ...record,
    status: 'Succeeded',
    finishedAt: now.toISOString(),
    ...change,
  }));
}

const deps = () => ({ ...services, entity });
/** Messages queued for this test's subscription (other tests' batches share the Azurite tables). */
const sentHere = () =>
  services.messages.sent.filter(
    (sent) =>
      (sent.message.body as { scope: { subscriptionId: string } }).scope.subscriptionId === subscriptionId,
  );
const batchOf = async (batchId: string) => (await services.batches.get(batchId))!.batch;

describe('batch use cases', () => {
  it('When a plan names a scope the subscription does not have, then it is refused with each missing scope', async () => {
    const result = await createBatch(
      services,
      subscriptionId,
      plan({ scopes: [{ kind: 'networkSecurityGroups', name: 'nope' }] }),
      'alice',
    );
    expect(result).toMatchObject({ kind: 'invalid', code: 'ScopesNotFound' });
  });

  it('When the window never opens again, then the plan is refused', async () => {
    const result = await createBatch(
      services,
      subscriptionId,
      plan({ window: { start: '2026-12-01T22:00', durationMinutes: 60 } }),
      'alice',
    );
    expect(result).toMatchObject({ kind: 'invalid', code: 'WindowNeverOpens' });
  });

  it('When a selector is given, then it is resolved against the estate at creation', async () => {
    const result = await createBatch(
      services,
      subscriptionId,
      plan({ scopes: undefined, selector: { kind: 'networkSecurityGroups', namePattern: '*-b' } }),
      'alice',
    );
    expect(result.kind).toBe('created');
    if (result.kind === 'created') expect(result.batch.run.items.map((item) => item.name)).toEqual(['nsg-b']);
  });

  it('When the scheduler runs before, inside and after the window, then it starts work only inside, within the limit, and writes the report at the end', async () => {
    const batchId = await created();

    await advanceBatches(deps());
    expect(sentHere()).toEqual([]);

    now = new Date('2026-12-12T22:00:30Z');
    await advanceBatches(deps());
    const first = await batchOf(batchId);
    expect(first.run.status).toBe('Running');
    const running = first.run.items.filter((item) => item.operationId).map((item) => item.operationId!);
    expect(running).toHaveLength(2);
    expect(
      sentHere()
        .map((sent) => sent.message.messageId)
        .sort(),
    ).toEqual([...running].sort());
    const record = await services.operations.get(running[0]!);
    expect(record).toMatchObject({ source: 'batch', requestedBy: 'alice (batch nsgs)' });

    for (const id of running) await finishOperation(id);
    now = new Date('2026-12-12T22:05:00Z');
    await advanceBatches(deps());
    const second = await batchOf(batchId);
    const third = second.run.items.find((item) => item.name === 'nsg-c')!;
    expect(third.operationId).toBeDefined();

    await finishOperation(third.operationId!, {
      status: 'Failed',
      error: { code: 'ValidationFailed', message: 'Validation failed.' },
      findings: [
        {
          code: 'NSG_X',
          severity: 'Error',
          stage: 'classic',
          message: 'broken',
          recommendation: 'fix it',
          resourceType: 'NetworkSecurityGroup',
          resourceName: 'nsg-c',
        },
      ],
    });
    now = new Date('2026-12-12T23:30:00Z');
    await advanceBatches(deps());
    const done = await batchOf(batchId);
    expect(done.run.status).toBe('Succeeded');
    expect(done.run.items.map((item) => item.status)).toEqual(['Succeeded', 'Succeeded', 'Blocked']);
    const report = await getBatchReport(services, batchId);
    expect(report).toMatchObject({ run: 1, scopes: 3, byStatus: { Succeeded: 2, Blocked: 1 } });
    expect(report?.findings.map((finding) => finding.code)).toEqual(['NSG_X']);
    expect(await services.batches.listActive()).not.toContainEqual(
      expect.objectContaining({
        batch: expect.objectContaining({ plan: expect.objectContaining({ batchId }) }),
      }),
    );
  });

  it('When two schedulers advance the same batch at once, then each scope is started exactly once', async () => {
    const batchId = await created({ maxConcurrent: 3 });
    now = new Date('2026-12-12T22:10:00Z');
    await Promise.all([
      advanceOne(deps(), batchId),
      advanceOne(deps(), batchId),
      advanceOne(deps(), batchId),
    ]);
    const batch = await batchOf(batchId);
    const ids = batch.run.items.map((item) => item.operationId);
    expect(new Set(ids).size).toBe(3);
    expect(sentHere()).toHaveLength(3);
  });

  it('When a batch is paused and resumed, then the scheduler starts nothing while paused, and both are audited', async () => {
    const batchId = await created();
    expect(await runBatchCommand(services, batchId, 'pause', 'bob')).toMatchObject({
      kind: 'done',
      batch: { run: { status: 'Paused' } },
    });
    now = new Date('2026-12-12T22:10:00Z');
    await advanceBatches(deps());
    expect(sentHere()).toEqual([]);
    expect(await runBatchCommand(services, batchId, 'resume', 'bob')).toMatchObject({ kind: 'done' });
    await advanceBatches(deps());
    expect(sentHere()).toHaveLength(2);
    const audit = await services.audit.listByScope(`batch_${batchId}`);
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'pause', 'resume']);
    expect(await runBatchCommand(services, 'no-such-batch', 'pause', 'bob')).toEqual({ kind: 'notFound' });
  });

  it('When the nightly validation plan is asked for twice, then there is one plan per subscription, validating every scope each night', async () => {
    const first = await createNightlyValidation(
      services,
      subscriptionId,
      {
        at: '01:00',
        timeZone: 'W. Europe Standard Time',
        durationMinutes: 240,
        maxConcurrent: 4,
        includePreflight: true,
      },
      'alice',
    );
    const second = await createNightlyValidation(
      services,
      subscriptionId,
      { at: '02:00', timeZone: 'UTC', durationMinutes: 60, maxConcurrent: 1, includePreflight: false },
      'bob',
    );
    expect(first.kind).toBe('created');
    expect(second.kind).toBe('existing');
    if (first.kind !== 'created') return;
    expect(first.batch.plan).toMatchObject({ phases: ['validate'], repeat: true, target: { selector: {} } });
    expect(first.batch.run.items.filter((item) => item.kind === 'networkSecurityGroup')).toHaveLength(3);
    expect(first.batch.run.nextWindow).toBe('2026-12-13T00:00:00.000Z');
  });
});
