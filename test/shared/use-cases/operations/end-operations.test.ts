/**
 * The paths that end an operation outside its phase: an invalid message on a phase queue, and the
 * dead-letter processor. Real stores on Azurite, the scope entity in memory (the real reducer).
 */
import { randomUUID } from 'node:crypto';

import { beforeEach, describe, expect, it } from 'vitest';

import { eventsTopic, phaseQueues } from '../../../../shared/contracts/names';
import { type OperationRecord, queuedRecordOf } from '../../../../shared/contracts/operation-record';
import type { PhaseCommand } from '../../../../shared/contracts/phase-command';
import { decisionFor } from '../../../../shared/domain/migration/scope-entity.reducer';
import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import { failInvalidMessage } from '../../../../shared/use-cases/operations/fail-invalid-message';
import { finaliseDeadLetter } from '../../../../shared/use-cases/operations/finalise-dead-letter';
import { type OperationDeps, operationDeps } from '../../../../shared/use-cases/operations/operation-deps';
import { InMemoryPhaseQueues } from '../../../fakes/in-memory-phase-queues';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let entity: InMemoryScopeEntity;
let deps: OperationDeps;
let scope: ScopeRef;
let key: string;

beforeEach(() => {
  services = testServices();
  entity = new InMemoryScopeEntity();
  deps = operationDeps({ ...services, phaseQueues: new InMemoryPhaseQueues() }, entity, () => undefined, {
    timeoutMs: 1_000,
    sleep: () => Promise.resolve(),
  });
  scope = { subscriptionId: uniqueSubscriptionId(), kind: 'virtualNetwork', name: 'vnet1' };
  key = scopeKey(scope);
});

function commandOf(operation: PhaseCommand['operation'] = 'prepare'): PhaseCommand {
  return {
    v: 1,
    operationId: randomUUID(),
    operation,
    scope,
    options: {},
    requestedBy: 'alice@contoso.com',
    source: 'api',
    requestedAt: services.clock.now().toISOString(),
  };
}

/** A Prepare recorded InProgress that the entity started (its worker then vanished). */
async function startedPrepare(): Promise<PhaseCommand> {
  const command = commandOf('prepare');
  await services.operations.create({ ...queuedRecordOf(command, key), status: 'InProgress' });
  await entity.signal(key, {
    type: 'request',
    operationId: command.operationId,
    operation: 'prepare',
    now: command.requestedAt,
    scopeLabel: "virtualNetwork 'vnet1'",
  });
  return command;
}

const published = (record: OperationRecord | undefined) =>
  services.messages.sent.some(
    (sent) =>
      sent.entityName === eventsTopic &&
      (sent.message.body as { id: string }).id === `${record?.operationId}.${record?.status}`,
  );

describe('an invalid message on a phase queue', () => {
  it('When the message names an operation the entity started, then it ends Failed InvalidMessage and the scope is released', async () => {
    const command = await startedPrepare();
    const poison = { operationId: command.operationId, operation: 'prepare', scope: 'not a scope' };
    const record = await failInvalidMessage(deps, poison, 'scope: expected object');
    expect(record).toMatchObject({
      status: 'Failed',
      error: { code: 'InvalidMessage' },
      resultingState: 'PrepareFailed',
    });
    expect(record?.error?.message).toContain('scope: expected object');
    expect(await entity.read(key)).toMatchObject({ state: 'PrepareFailed', running: undefined });
    expect(published(record)).toBe(true);
  });

  it('When the message names no operation, then nothing is changed', async () => {
    expect(await failInvalidMessage(deps, 'garbage', 'not JSON')).toBeUndefined();
  });
});

describe('the dead-letter processor', () => {
  it('When a started Prepare’s command is dead-lettered, then the operation ends Failed DeadLettered with the broker’s reason, the entity releases the scope, and the dead letter is logged', async () => {
    const command = await startedPrepare();
    const result = await finaliseDeadLetter(deps, {
      queue: phaseQueues.prepare,
      messageId: command.operationId,
      body: command,
      deliveryCount: 10,
      deadLetterReason: 'MaxDeliveryCountExceeded',
      deadLetterErrorDescription: 'Error: worker exited',
    });
    expect(result.kind).toBe('ended');
    const record = await services.operations.get(command.operationId);
    expect(record).toMatchObject({
      status: 'Failed',
      resultingState: 'PrepareFailed',
      error: { code: 'DeadLettered' },
    });
    expect(record?.error?.message).toContain('MaxDeliveryCountExceeded: Error: worker exited');
    expect(decisionFor((await entity.read(key))!, command.operationId)?.decision).toBe('failed');
    expect((await services.audit.listByScope(key, 1))[0]).toMatchObject({ outcome: 'Failed: DeadLettered' });
    expect(published(record)).toBe(true);
    const logged = await services.deadLetters.list({ queue: phaseQueues.prepare, limit: 100 });
    expect(logged.find((entry) => entry.messageId === command.operationId)).toMatchObject({
      operationId: command.operationId,
      outcome: 'Failed: DeadLettered',
      deadLetterReason: 'MaxDeliveryCountExceeded',
    });
  });

  it('When the entity had already ended the operation (the record was not written), then the record follows the entity, not the dead letter', async () => {
    const command = await startedPrepare();
    await entity.signal(key, {
      type: 'complete',
      operationId: command.operationId,
      outcome: 'succeeded',
      now: command.requestedAt,
    });
    await finaliseDeadLetter(deps, {
      queue: phaseQueues.prepare,
      messageId: command.operationId,
      body: command,
      deliveryCount: 10,
      deadLetterReason: 'MaxDeliveryCountExceeded',
    });
    expect(await services.operations.get(command.operationId)).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
  });

  it('When the operation is already final, then nothing changes and the dead letter is logged as such', async () => {
    const command = commandOf('validate');
    await services.operations.create({ ...queuedRecordOf(command, key), status: 'Succeeded' });
    const result = await finaliseDeadLetter(deps, {
      queue: phaseQueues.validate,
      messageId: command.operationId,
      body: command,
      deliveryCount: 1,
      deadLetterReason: 'TTLExpiredException',
    });
    expect(result.kind).toBe('alreadyFinal');
    expect((await services.operations.get(command.operationId))?.status).toBe('Succeeded');
  });

  it('When the command never reached its phase (no record), then its record is created and failed', async () => {
    const command = commandOf('commit');
    const result = await finaliseDeadLetter(deps, {
      queue: phaseQueues.commit,
      messageId: command.operationId,
      body: command,
      deliveryCount: 0,
      deadLetterReason: 'TTLExpiredException',
    });
    expect(result.kind).toBe('ended');
    expect(await services.operations.get(command.operationId)).toMatchObject({
      status: 'Failed',
      error: { code: 'DeadLettered' },
    });
  });

  it('When the dead letter names no operation, then nothing is ended', async () => {
    const result = await finaliseDeadLetter(deps, {
      queue: phaseQueues.prepare,
      messageId: `stray-${randomUUID()}`,
      body: 'not a command',
      deliveryCount: 10,
    });
    expect(result.kind).toBe('noOperation');
  });
});
