/**
 * At-least-once delivery and races at the door: duplicated commands (one Idempotency-Key sent twice, a phase
 * message delivered twice) and concurrent operations on one scope. Moved here from
 * test/e2e/migration-reliability.test.ts, which runs them as before; test/e2e/azure-fidelity.test.ts runs
 * them against the Azure-like dev host.
 */
import { randomUUID } from 'node:crypto';

import { expect } from 'vitest';

import { LocalServiceBusClient } from '../../../shared/adapters/local-service-bus/local-service-bus-client';
import { phaseQueues } from '../../../shared/contracts/names';
import type { PhaseCommand } from '../../../shared/contracts/phase-command';
import { scopeKey } from '../../../shared/domain/scope/scope';
import type { E2eHost } from '../e2e-host';
import { waitFor } from '../wait-for';
import type { Flow } from './flow';

export const idempotencyKeyTwice: Flow = {
  name: 'When the same request is sent twice with one Idempotency-Key, then one operation runs and both get its id',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
    const key = randomUUID();
    const first = await api.start('virtualNetwork', 'Prod-VNet', 'prepare', {}, { 'idempotency-key': key });
    const second = await api.start('virtualNetwork', 'Prod-VNet', 'prepare', {}, { 'idempotency-key': key });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ operationId: first.body.operationId, existing: true });
    expect(await api.finished(first.body.operationId)).toMatchObject({
      status: 'Succeeded',
      decision: 'started',
    });
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.history.operations).toHaveLength(1);
    expect(status.history.audit.filter((entry) => entry.action === 'prepare')).toHaveLength(2); // queued + outcome
  },
};

export const phaseMessageTwice: Flow = {
  name: 'When a phase message is delivered twice (same message id, then a new one), then the work happens once',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
    const started = await api.start('cloudService', 'contoso-ftp', 'validate');
    const first = await api.finished(started.body.operationId);
    const bus = LocalServiceBusClient.fromConnectionString(e2e.host.storageConnectionString);
    const scope = { subscriptionId: api.subscriptionId, kind: 'cloudService' as const, name: 'contoso-ftp' };
    const command: PhaseCommand = {
      v: 1,
      operationId: first.operationId,
      operation: 'validate',
      scope,
      options: {},
      requestedBy: 'test',
      source: 'api',
      requestedAt: first.requestedAt,
    };
    await bus.sendMessages(phaseQueues.validate, [
      { body: command, messageId: first.operationId, sessionId: scopeKey(scope) },
      { body: command, messageId: randomUUID(), sessionId: scopeKey(scope) },
    ]);
    await waitFor(
      async () => {
        const pending = await bus.peekMessages(phaseQueues.validate, 32);
        return (
          pending.every((message) => (message.body as PhaseCommand).operationId !== first.operationId) ||
          undefined
        );
      },
      { what: 'both deliveries to be consumed', timeoutMs: 20_000 },
    );
    // The record is final: a redelivery only republishes its outcome.
    expect(await api.operation(first.operationId)).toEqual(first);
  },
};

export const fivePreparesRace: Flow = {
  name: 'When five prepares race, then exactly one runs and the others get a clear answer',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.start('virtualNetwork', 'Prod-VNet', 'prepare')),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const refusedAtOnce = responses.filter((response) => response.status === 409);
    expect(accepted.length + refusedAtOnce.length).toBe(5);
    for (const refused of refusedAtOnce)
      expect(refused.body.error?.code).toMatch(/OperationInProgress|AlreadyPrepared/);
    const records = await Promise.all(accepted.map((response) => api.finished(response.body.operationId)));
    const ran = records.filter((record) => record.decision === 'started');
    expect(ran).toHaveLength(1);
    for (const other of records.filter((record) => record !== ran[0])) {
      // Prepare on a Prepared scope is a no-op success; one that met the running Prepare was refused.
      expect(['noop', 'refused']).toContain(other.decision);
    }
    expect(await api.status('virtualNetwork', 'Prod-VNet')).toMatchObject({ state: 'Prepared' });
  },
};

export const prepareAbortRace: Flow = {
  name: 'When a prepare and an abort race on different queues, then the entity lets one through at a time',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
    const [prepare, abort] = await Promise.all([
      api.start('cloudService', 'contoso-ftp', 'prepare'),
      api.start('cloudService', 'contoso-ftp', 'abort'),
    ]);
    const prepared = await api.finished(prepare.body.operationId);
    expect(prepared.status).toBe('Succeeded');
    if (abort.status === 202) {
      const aborted = await api.finished(abort.body.operationId);
      // Either the abort came first (nothing prepared yet: refused), or it met the running Prepare
      // (refused), or it came after (it undid the Prepare).
      if (aborted.status === 'Failed') expect(aborted.error?.code).toMatch(/NotPrepared|OperationInProgress/);
      else expect(aborted.resultingState).toBe('None');
    } else expect(abort.body.error?.code).toMatch(/NotPrepared|OperationInProgress/);
  },
};
