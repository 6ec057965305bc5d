/**
 * The sweeper, with a clock the test moves, the real Operations store on Azurite (a table of its own, so
 * only this test's open operations are swept), the scope entity in memory (the real reducer) and the phase
 * queues in memory.
 */
import { randomUUID } from 'node:crypto';

import { TableClient } from '@azure/data-tables';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import { TableOperationStore } from '../../../../shared/adapters/tables/table-operation.store';
import { phaseQueues } from '../../../../shared/contracts/names';
import { queuedRecordOf } from '../../../../shared/contracts/operation-record';
import type { PhaseCommand } from '../../../../shared/contracts/phase-command';
import { phaseSessionId } from '../../../../shared/contracts/service-bus-ids';
import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import { type OperationDeps, operationDeps } from '../../../../shared/use-cases/operations/operation-deps';
import { sweepOperations } from '../../../../shared/use-cases/operations/sweep-operations';
import { InMemoryPhaseQueues } from '../../../fakes/in-memory-phase-queues';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';
import { testServices } from '../../../support/test-services';

const t0 = Date.parse('2026-03-01T10:00:00.000Z');
const sweepAfterMs = 15 * 60_000;

let now: number;
let tableName: string;
let operations: TableOperationStore;
let entity: InMemoryScopeEntity;
let queues: InMemoryPhaseQueues;
let deps: OperationDeps;
let scope: ScopeRef;
let key: string;

beforeEach(() => {
  now = t0;
  tableName = `SweepOps${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  operations = new TableOperationStore(testTableService(), tableName);
  entity = new InMemoryScopeEntity();
  queues = new InMemoryPhaseQueues();
  const base = testServices();
  deps = operationDeps(
    {
      ...base,
      clock: { now: () => new Date(now) },
      operations,
      phaseQueues: queues,
      config: { ...base.config, operationSweepAfterMs: sweepAfterMs },
    },
    entity,
    () => undefined,
    { timeoutMs: 1_000, sleep: () => Promise.resolve() },
  );
  scope = { subscriptionId: uniqueSubscriptionId(), kind: 'virtualNetwork', name: 'vnet1' };
  key = scopeKey(scope);
});

/** An operation recorded (Queued, or InProgress since its request) at t0. */
async function recorded(
  operation: PhaseCommand['operation'],
  status: 'Queued' | 'InProgress' = 'InProgress',
): Promise<PhaseCommand> {
  const command: PhaseCommand = {
    v: 1,
    operationId: randomUUID(),
    operation,
    scope,
    options: {},
    requestedBy: 'alice@contoso.com',
    source: 'api',
    requestedAt: new Date(t0).toISOString(),
  };
  await operations.create({
    ...queuedRecordOf(command, key),
    status,
    ...(status === 'InProgress' ? { startedAt: command.requestedAt } : {}),
  });
  return command;
}

async function entityStarts(command: PhaseCommand, leaseSeconds = 24 * 60 * 60): Promise<void> {
  await entity.signal(key, {
    type: 'request',
    operationId: command.operationId,
    operation: command.operation,
    now: command.requestedAt,
    leaseSeconds,
    scopeLabel: "virtualNetwork 'vnet1'",
  });
}

const pastDeadline = () => {
  now = t0 + sweepAfterMs + 60_000;
};

const actionOf = async (operationId: string) =>
  (await sweepOperations(deps)).swept.find((swept) => swept.operationId === operationId)?.action;

describe('sweepOperations', () => {
  it('When an open operation is younger than the deadline, then it is not looked at', async () => {
    const command = await recorded('prepare', 'Queued');
    now = t0 + sweepAfterMs - 1_000;
    const report = await sweepOperations(deps);
    expect(report).toEqual({ open: 1, swept: [] });
    expect((await operations.get(command.operationId))?.status).toBe('Queued');
  });

  it('When the entity shows the operation finished but its record is open, then the record is finished to match and leaves the index', async () => {
    const command = await recorded('prepare');
    await entityStarts(command);
    await entity.signal(key, {
      type: 'complete',
      operationId: command.operationId,
      outcome: 'succeeded',
      now: new Date(t0 + 1_000).toISOString(),
    });
    pastDeadline();
    expect(await actionOf(command.operationId)).toBe('finishedAsEntity');
    expect(await operations.get(command.operationId)).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
      decision: 'succeeded',
    });
    expect(await operations.listOpen()).toEqual([]);
  });

  it('When the entity holds the operation running past its lease, then it is abandoned: the scope ends PrepareFailed and the record follows', async () => {
    const command = await recorded('prepare');
    await entityStarts(command, 60 * 60);
    queues.held.add(`${phaseQueues.prepare}|${phaseSessionId(key)}`);
    now = t0 + 2 * 60 * 60_000;
    expect(await actionOf(command.operationId)).toBe('abandonedPastLease');
    expect(await entity.read(key)).toMatchObject({ state: 'PrepareFailed', running: undefined });
    expect(await operations.get(command.operationId)).toMatchObject({
      status: 'Failed',
      decision: 'abandoned',
      error: { code: 'OperationAbandoned' },
      resultingState: 'PrepareFailed',
    });
  });

  it('When the entity never heard of the operation and its command is gone, then it fails MessageLost', async () => {
    const command = await recorded('prepare', 'Queued');
    pastDeadline();
    expect(await actionOf(command.operationId)).toBe('failedLost');
    expect(await operations.get(command.operationId)).toMatchObject({
      status: 'Failed',
      error: { code: 'MessageLost' },
    });
    expect(await operations.listOpen()).toEqual([]);
  });

  it('When the entity started it but no worker holds its command any more, then it fails OperationLost and the scope is released', async () => {
    const command = await recorded('prepare');
    await entityStarts(command);
    pastDeadline();
    expect(await actionOf(command.operationId)).toBe('failedLost');
    expect(await operations.get(command.operationId)).toMatchObject({
      status: 'Failed',
      error: { code: 'OperationLost' },
      resultingState: 'PrepareFailed',
    });
    expect((await entity.read(key))?.running).toBeUndefined();
  });

  it('When its command still waits in its session, or the session is being handled, then it is left alone', async () => {
    const queued = await recorded('prepare', 'Queued');
    queues.wait(phaseQueues.prepare, phaseSessionId(key), queued.operationId);
    const running = await recorded('validate');
    await entityStarts(running);
    queues.held.add(`${phaseQueues.validate}|${phaseSessionId(key)}`);
    pastDeadline();
    const report = await sweepOperations(deps);
    expect(report.swept).toEqual(
      expect.arrayContaining([
        { operationId: queued.operationId, action: 'leftQueued' },
        { operationId: running.operationId, action: 'leftRunning' },
      ]),
    );
    expect((await operations.get(queued.operationId))?.status).toBe('Queued');
    expect((await operations.get(running.operationId))?.status).toBe('InProgress');
  });

  it('When its command sits in the dead-letter queue, then it is left to the dead-letter processor', async () => {
    const command = await recorded('commit', 'Queued');
    queues.deadLetters.set(phaseQueues.commit, [
      {
        queue: phaseQueues.commit,
        messageId: command.operationId,
        body: command,
        deliveryCount: 10,
        deadLetterReason: 'MaxDeliveryCountExceeded',
      },
    ]);
    pastDeadline();
    expect(await actionOf(command.operationId)).toBe('leftDeadLettered');
    expect((await operations.get(command.operationId))?.status).toBe('Queued');
  });

  it('When the index names an operation whose record is final (a crash between the two writes), then the index is repaired', async () => {
    const command = await recorded('validate');
    await operations.update(command.operationId, (record) => ({ ...record, status: 'Succeeded' }));
    // The row the crash left behind.
    const table = TableClient.fromConnectionString(inject('azuriteConnectionString'), tableName, {
      allowInsecureConnection: true,
    });
    await table.upsertEntity({
      partitionKey: 'open_',
      rowKey: command.operationId,
      operationId: command.operationId,
      scopeKey: key,
      operation: 'validate',
      requestedAt: command.requestedAt,
    });
    pastDeadline();
    expect(await actionOf(command.operationId)).toBe('indexRepaired');
    expect(await operations.listOpen()).toEqual([]);
  });
});
