/**
 * Every path that ends a phase's operation, with the real stores on Azurite, the scope entity in memory
 * (the real reducer) and the queues recorded: whatever throws inside a phase goes through its one fault
 * handler — retried before the last delivery, failed with the reason on it — and a failed operation is
 * audited, published, and told to the entity, so no scope stays held.
 */
import { randomUUID } from 'node:crypto';

import { beforeEach, describe, expect, it } from 'vitest';

import { eventsTopic } from '../../../../shared/contracts/names';
import type { PhaseCommand } from '../../../../shared/contracts/phase-command';
import { decisionFor } from '../../../../shared/domain/migration/scope-entity.reducer';
import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import type { FaultInjector } from '../../../../shared/ports/fault-injector.port';
import type { ScopeEntityGateway } from '../../../../shared/ports/scope-entity.port';
import { analyseScope } from '../../../../shared/use-cases/analyse-scope';
import { TransientFault } from '../../../../shared/use-cases/errors';
import type { PhaseDeps } from '../../../../shared/use-cases/phases/phase-context';
import { runPhase } from '../../../../shared/use-cases/phases/run-phase';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { LaggingScopeEntity } from '../../../fakes/lagging-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let scope: ScopeRef;
let key: string;

/** Faults at named steps (`prepare.writeArm`), each firing until the test says otherwise. */
function faultsAt(steps: Record<string, Error>): FaultInjector {
  return {
    plan: () => Promise.resolve(),
    take: (_scope, step) => {
      const error = steps[step];
      if (error) throw error;
      return Promise.resolve(undefined);
    },
  };
}

/** A wait that gives up after a few polls, without sleeping. */
function fastWait(): PhaseDeps['wait'] {
  let now = 0;
  return { timeoutMs: 100, pollMs: 10, sleep: () => Promise.resolve(), nowMs: () => (now += 10) };
}

function phaseDeps(entity: ScopeEntityGateway, overrides: Partial<PhaseDeps> = {}): PhaseDeps {
  return {
    services,
    entity,
    analyse: analyseScope,
    faults: faultsAt({}),
    wait: fastWait(),
    log: () => undefined,
    ...overrides,
  };
}

function commandOf(operation: PhaseCommand['operation']): PhaseCommand {
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

const lastOf10 = { deliveryCount: 10, maxDeliveryCount: 10 };
const firstOf10 = { deliveryCount: 1, maxDeliveryCount: 10 };

/** The outcome events published for an operation. */
function eventsOf(operationId: string): unknown[] {
  return services.messages.sent
    .filter((sent) => sent.entityName === eventsTopic)
    .map((sent) => sent.message.body as { data: { operationId: string } })
    .filter((event) => event.data.operationId === operationId);
}

beforeEach(async () => {
  services = testServices();
  const subscriptionId = uniqueSubscriptionId();
  scope = { subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' };
  key = scopeKey(scope);
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
    }),
  );
});

describe('runPhase: the last delivery', () => {
  it('When a step fails transiently before the last delivery, then the fault is rethrown for redelivery and the operation stays InProgress', async () => {
    const entity = new InMemoryScopeEntity();
    const command = commandOf('prepare');
    const deps = phaseDeps(entity, {
      faults: faultsAt({ 'prepare.writeArm': new TransientFault('InjectedTransientFault', 'storage busy') }),
    });
    await expect(runPhase(deps, command, firstOf10)).rejects.toThrow('storage busy');
    expect(await services.operations.get(command.operationId)).toMatchObject({ status: 'InProgress' });
    expect((await entity.read(key))?.state).toBe('Preparing');
  });

  it('When a step fails transiently on the last delivery, then the operation fails with the reason, the scope ends PrepareFailed and is released, and the failure is audited and published', async () => {
    const entity = new InMemoryScopeEntity();
    const command = commandOf('prepare');
    const deps = phaseDeps(entity, {
      faults: faultsAt({ 'prepare.writeArm': new TransientFault('InjectedTransientFault', 'storage busy') }),
    });
    await runPhase(deps, command, lastOf10);
    const record = await services.operations.get(command.operationId);
    expect(record).toMatchObject({
      status: 'Failed',
      resultingState: 'PrepareFailed',
      error: { code: 'InjectedTransientFault' },
    });
    expect(record?.error?.message).toBe('storage busy Gave up after the last of 10 deliveries.');
    const state = await entity.read(key);
    expect(state).toMatchObject({ state: 'PrepareFailed', running: undefined });
    expect(decisionFor(state!, command.operationId)).toMatchObject({
      decision: 'failed',
      code: 'InjectedTransientFault',
    });
    expect((await services.audit.listByScope(key, 1))[0]).toMatchObject({
      operationId: command.operationId,
      outcome: 'Failed: InjectedTransientFault',
    });
    expect(eventsOf(command.operationId)).toEqual([
      expect.objectContaining({ type: 'Classic.Migration.PrepareFailed' }),
    ]);
  });

  it('When the phase fails for a reason nobody planned (a bug), then it fails at once with Azure’s text, whatever the delivery', async () => {
    const entity = new InMemoryScopeEntity();
    const command = commandOf('validate');
    const deps = phaseDeps(entity, {
      analyse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'roles')");
      },
    });
    await runPhase(deps, command, firstOf10);
    expect(await services.operations.get(command.operationId)).toMatchObject({
      status: 'Failed',
      error: { code: 'InternalServerError', message: 'Internal server error' },
    });
    // The entity had started the validate: it is told the outcome.
    expect(decisionFor((await entity.read(key))!, command.operationId)?.decision).toBe('failed');
  });
});

describe('runPhase: the decision wait', () => {
  it('When the entity does not answer before the last delivery, then the timeout is rethrown for redelivery', async () => {
    const entity = new LaggingScopeEntity();
    const command = commandOf('prepare');
    await expect(runPhase(phaseDeps(entity), command, firstOf10)).rejects.toMatchObject({
      code: 'EntityDecisionTimeout',
    });
    expect(await services.operations.get(command.operationId)).toMatchObject({ status: 'InProgress' });
  });

  it('When the entity does not answer on the last delivery, then the operation fails EntityDecisionTimeout and the late request is failed behind it, so the scope is not left Preparing', async () => {
    const entity = new LaggingScopeEntity();
    const command = commandOf('prepare');
    await runPhase(phaseDeps(entity), command, lastOf10);
    const record = await services.operations.get(command.operationId);
    expect(record).toMatchObject({ status: 'Failed', error: { code: 'EntityDecisionTimeout' } });
    expect(record?.error?.message).toContain('Gave up after the last of 10 deliveries');
    expect(eventsOf(command.operationId)).toHaveLength(1);
    // The entity finally applies what it was sent, in order: the request starts the Prepare, the
    // completion the phase sent when it gave up fails it.
    expect(entity.waiting.map((signal) => signal.command.type)).toEqual(['request', 'complete']);
    await entity.deliver();
    expect(await entity.read(key)).toMatchObject({ state: 'PrepareFailed', running: undefined });
  });
});

describe('runPhase: an ending the entity already decided', () => {
  it('When the completion reached the entity but the record was not written (a crash), then a redelivery on its last delivery finishes the record as the entity says', async () => {
    const entity = new InMemoryScopeEntity();
    const command = commandOf('prepare');
    // The previous delivery got as far as telling the entity: Prepared.
    await entity.signal(key, {
      type: 'request',
      operationId: command.operationId,
      operation: 'prepare',
      now: command.requestedAt,
      scopeLabel: "networkSecurityGroup 'nsg1'",
    });
    await entity.signal(key, {
      type: 'complete',
      operationId: command.operationId,
      outcome: 'succeeded',
      now: command.requestedAt,
    });
    await runPhase(phaseDeps(entity), command, lastOf10);
    expect(await services.operations.get(command.operationId)).toMatchObject({
      status: 'Succeeded',
      decision: 'succeeded',
      resultingState: 'Prepared',
    });
  });
});
