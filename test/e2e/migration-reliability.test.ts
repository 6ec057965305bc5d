/**
 * At-least-once delivery, retries and races, through the dev host: duplicated commands, injected failures
 * at every step of every phase, and concurrent operations on one scope.
 */
import { describe, expect, it } from 'vitest';

import { scopeKey } from '../../shared/domain/scope/scope';
import { useDevHost } from '../support/e2e-host';
import {
  fivePreparesRace,
  idempotencyKeyTwice,
  phaseMessageTwice,
  prepareAbortRace,
} from '../support/flows/concurrency.flows';
import {
  abortFaults,
  fatalCommitFault,
  fatalPrepareFault,
  transientCommitFault,
  transientPrepareFault,
} from '../support/flows/fault.flows';
import { waitFor } from '../support/wait-for';

const e2e = useDevHost();
const freshEstate = () => e2e.freshEstate();

describe('duplicated commands', () => {
  it(idempotencyKeyTwice.name, () => idempotencyKeyTwice.run(e2e));

  it(phaseMessageTwice.name, () => phaseMessageTwice.run(e2e));
});

describe('failures injected at each step, then retried', () => {
  it.each(transientPrepareFault.steps)(transientPrepareFault.name, (step) =>
    transientPrepareFault.run(e2e, step),
  );

  it.each(fatalPrepareFault.steps)(fatalPrepareFault.name, (step) => fatalPrepareFault.run(e2e, step));

  it.each(transientCommitFault.steps)(transientCommitFault.name, (step) =>
    transientCommitFault.run(e2e, step),
  );

  it.each(fatalCommitFault.steps)(fatalCommitFault.name, (step) => fatalCommitFault.run(e2e, step));

  it(abortFaults.name, () => abortFaults.run(e2e));
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
  it(fivePreparesRace.name, () => fivePreparesRace.run(e2e));

  it(prepareAbortRace.name, () => prepareAbortRace.run(e2e));
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
