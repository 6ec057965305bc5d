/**
 * At-least-once delivery, retries and races, through the dev host: duplicated commands, injected failures
 * at every step of every phase, and concurrent operations on one scope.
 */
import { randomUUID } from 'node:crypto';

import { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus/local-service-bus-client';
import { faultsTable } from '../../shared/adapters/tables/table-fault-injector';
import { phaseQueues } from '../../shared/contracts/names';
import type { PhaseCommand } from '../../shared/contracts/phase-command';
import { scopeKey, type ScopeKind } from '../../shared/domain/scope/scope';
import { useDevHost } from '../support/e2e-host';
import type { MigrationApi } from '../support/migration-api';
import { waitFor } from '../support/wait-for';

const e2e = useDevHost();
const freshEstate = () => e2e.freshEstate();

async function planFault(
  api: MigrationApi,
  kind: ScopeKind,
  name: string,
  step: string,
  fault: 'transient' | 'fatal',
) {
  const response = await api.request('POST', '/api/admin/faults', {
    scopeKind: kind,
    name,
    step,
    kind: fault,
    times: 1,
  });
  expect(response.status).toBe(201);
}

/** How many more times the planned fault would fire (0 once the phase went through it). */
async function faultRemaining(
  api: MigrationApi,
  kind: ScopeKind,
  name: string,
  step: string,
): Promise<number> {
  const client = TableClient.fromConnectionString(e2e.host.storageConnectionString, faultsTable, {
    allowInsecureConnection: true,
  });
  const row = await client.getEntity<{ remaining: number }>(
    scopeKey({ subscriptionId: api.subscriptionId, kind, name }),
    step,
  );
  return row.remaining;
}

describe('duplicated commands', () => {
  it('When the same request is sent twice with one Idempotency-Key, then one operation runs and both get its id', async () => {
    const api = await freshEstate();
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
  });

  it('When a phase message is delivered twice (same message id, then a new one), then the work happens once', async () => {
    const api = await freshEstate();
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
  });
});

describe('failures injected at each step, then retried', () => {
  const prepareSteps = ['prepare.translate', 'prepare.dataPlane', 'prepare.writeArm'];
  const commitSteps = ['commit.recordScope', 'commit.commitArm', 'commit.removeClassic'];

  it.each(prepareSteps)(
    'When %s fails transiently, then the redelivered message finishes Prepare',
    async (step) => {
      const api = await freshEstate();
      await planFault(api, 'cloudService', 'contoso-ftp', step, 'transient');
      expect(await api.run('cloudService', 'contoso-ftp', 'prepare')).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Prepared',
      });
      expect(await faultRemaining(api, 'cloudService', 'contoso-ftp', step)).toBe(0);
      expect((await api.status('cloudService', 'contoso-ftp')).arm.resources).toHaveLength(7);
    },
  );

  it.each(prepareSteps)(
    'When %s fails for good, then the scope is PrepareFailed and a retried Prepare succeeds',
    async (step) => {
      const api = await freshEstate();
      await planFault(api, 'cloudService', 'contoso-ftp', step, 'fatal');
      const failed = await api.run('cloudService', 'contoso-ftp', 'prepare');
      expect(failed).toMatchObject({
        status: 'Failed',
        resultingState: 'PrepareFailed',
        error: { code: 'InjectedFault' },
      });
      expect(failed.error?.message).toMatch(
        /^Template contoso-ftp-Migrated deployment failed\. CorrelationId=[0-9a-f-]{36}$/,
      );
      expect(await api.status('cloudService', 'contoso-ftp')).toMatchObject({
        state: 'PrepareFailed',
        locked: true,
      });
      expect(await api.run('cloudService', 'contoso-ftp', 'prepare')).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Prepared',
      });
      // Abort then removes exactly what the two Prepares wrote.
      expect(await api.run('cloudService', 'contoso-ftp', 'abort')).toMatchObject({
        status: 'Succeeded',
        resultingState: 'None',
      });
      expect((await api.arm<{ value: unknown[] }>('/resourceGroups')).body.value).toEqual([]);
    },
  );

  it.each(commitSteps)(
    'When %s fails transiently, then the redelivered message finishes Commit',
    async (step) => {
      const api = await freshEstate();
      await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
      await planFault(api, 'virtualNetwork', 'Prod-VNet', step, 'transient');
      expect(await api.run('virtualNetwork', 'Prod-VNet', 'commit')).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Committed',
      });
      expect(await faultRemaining(api, 'virtualNetwork', 'Prod-VNet', step)).toBe(0);
    },
  );

  it.each(commitSteps)(
    'When %s fails for good, then the scope is CommitFailed, Abort is refused and a retried Commit succeeds',
    async (step) => {
      const api = await freshEstate();
      await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
      await planFault(api, 'virtualNetwork', 'Prod-VNet', step, 'fatal');
      expect(await api.run('virtualNetwork', 'Prod-VNet', 'commit')).toMatchObject({
        status: 'Failed',
        resultingState: 'CommitFailed',
      });
      const abort = await api.start('virtualNetwork', 'Prod-VNet', 'abort');
      expect(abort.status).toBe(409);
      expect(abort.body).toMatchObject({ error: { code: 'AbortNotAllowedAfterCommit' } });
      expect(await api.run('virtualNetwork', 'Prod-VNet', 'commit')).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Committed',
      });
      const list = await api.request<{ value: { name: string; kind: string }[] }>(
        'GET',
        '/api/migrations?state=None',
      );
      expect(list.body.value.map((scope) => scope.name)).not.toContain('contoso-web');
    },
  );

  it('When abort.removeArm fails transiently and then for good, then Abort retries, fails to AbortFailed, and a retried Abort succeeds', async () => {
    const api = await freshEstate();
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    await planFault(api, 'virtualNetwork', 'Prod-VNet', 'abort.removeArm', 'transient');
    expect(await api.run('virtualNetwork', 'Prod-VNet', 'abort')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'None',
    });
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    await planFault(api, 'virtualNetwork', 'Prod-VNet', 'abort.removeArm', 'fatal');
    expect(await api.run('virtualNetwork', 'Prod-VNet', 'abort')).toMatchObject({
      status: 'Failed',
      resultingState: 'AbortFailed',
    });
    expect((await api.start('virtualNetwork', 'Prod-VNet', 'commit')).body).toMatchObject({
      error: { code: 'AbortPending' },
    });
    expect(await api.run('virtualNetwork', 'Prod-VNet', 'abort')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'None',
    });
  });
});

describe('refusals at the door', () => {
  it('When Commit or Abort is asked of a scope never prepared, then the answer is 409 NotPrepared at once', async () => {
    const api = await freshEstate();
    for (const action of ['commit', 'abort']) {
      const response = await api.start('virtualNetwork', 'Prod-VNet', action);
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'NotPrepared' });
      expect(response.body.error?.message).toContain("virtualNetwork 'Prod-VNet'");
    }
    expect((await api.status('virtualNetwork', 'Prod-VNet')).history.operations).toEqual([]);
  });

  it("When the scope does not exist, then the answer is 404 with Azure's not-found text", async () => {
    const api = await freshEstate();
    const response = await api.start('storageAccount', 'nosuchaccount', 'prepare');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'ResourceNotFound',
      message: "The storage account 'nosuchaccount' was not found.",
    });
  });
});

describe('concurrent operations on one scope', () => {
  it('When five prepares race, then exactly one runs and the others get a clear answer', async () => {
    const api = await freshEstate();
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
  });

  it('When a prepare and an abort race on different queues, then the entity lets one through at a time', async () => {
    const api = await freshEstate();
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
  });
});

describe('force release', () => {
  it('When an operation holds a scope (its worker gone), then an operator releases it with a reason, audited, and Prepare can run again', async () => {
    const api = await freshEstate();
    const key = scopeKey({ subscriptionId: api.subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' });
    // A Prepare whose worker vanished: the entity holds it, and nothing will ever complete it.
    const signal = await fetch(
      `${e2e.host.baseUrl}/runtime/webhooks/durabletask/entities/migrationScope/${key}?op=request`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operationId: 'lost-run',
          operation: 'prepare',
          now: new Date().toISOString(),
          scopeLabel: 'Prod-VNet',
        }),
      },
    );
    expect(signal.status).toBe(202);
    await waitFor(
      async () => (await api.status('virtualNetwork', 'Prod-VNet')).state === 'Preparing' || undefined,
    );

    const noReason = await api.request('POST', '/api/admin/migrations/virtualNetworks/Prod-VNet/release', {});
    expect(noReason.status).toBe(400);
    const released = await api.request<{ state: string; message: string }>(
      'POST',
      '/api/admin/migrations/virtualNetworks/Prod-VNet/release',
      { reason: 'worker lost during maintenance' },
      { 'x-ms-client-principal-name': 'ops@contoso.com' },
    );
    expect(released).toMatchObject({ status: 200, body: { state: 'PrepareFailed' } });
    expect(released.body.message).toContain('lost-run');
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.history.audit).toContainEqual(
      expect.objectContaining({
        action: 'forceRelease',
        actor: 'ops@contoso.com',
        outcome: 'Succeeded',
        detail: expect.stringContaining('worker lost during maintenance'),
      }),
    );
    expect(await api.run('virtualNetwork', 'Prod-VNet', 'prepare')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
    // Nothing left to release.
    expect(
      (
        await api.request('POST', '/api/admin/migrations/virtualNetworks/Prod-VNet/release', {
          reason: 'again',
        })
      ).status,
    ).toBe(409);
  });
});
