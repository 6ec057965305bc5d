/**
 * Scheduled batch runs end to end on the dev host: a plan is created through the JSON API, the
 * `batchScheduler` timer (run now with POST /admin/functions/batchScheduler, as Core Tools allows) starts
 * its operations through admission and the phase queues, and the plan ends with every scope migrated, the
 * scope that cannot migrate blocked, and a report.
 */
import { describe, expect, it } from 'vitest';

import { useDevHost } from '../support/e2e-host';
import type { MigrationApi } from '../support/migration-api';
import { waitFor } from '../support/wait-for';

const e2e = useDevHost();

interface BatchView {
  batchId: string;
  status: string;
  statusUrl: string;
  note?: string;
  scopes: {
    kind: string;
    name: string;
    state: string;
    status: string;
    operationId?: string;
    note?: string;
  }[];
}

/** Runs the scheduler until the batch is in one of `statuses`. */
async function schedulerUntil(api: MigrationApi, batchId: string, statuses: string[]): Promise<BatchView> {
  return waitFor(
    async () => {
      await fetch(`${e2e.host.baseUrl}/admin/functions/batchScheduler`, { method: 'POST', body: '{}' });
      const batch = await api.request<BatchView>('GET', `/api/batches/${batchId}`);
      return statuses.includes(batch.body.status) ? batch.body : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, what: `batch ${batchId} to reach ${statuses.join(' or ')}` },
  );
}

/** A window open now for an hour, in ISO with its offset (the instant is fixed). */
const openNow = () => ({ start: new Date(Date.now() - 60_000).toISOString(), durationMinutes: 60 });

describe('batch runs', () => {
  it('When a batch with auto-commit runs in an open window, then its scopes are validated, prepared and committed, and the one with errors is blocked', async () => {
    const api = await e2e.freshEstate();
    const created = await api.request<BatchView>('POST', '/api/batches', {
      name: 'wave 1',
      scopes: [
        { kind: 'virtualNetworks', name: 'Prod-VNet' },
        { kind: 'cloudServices', name: 'contoso-ftp' },
        { kind: 'virtualNetworks', name: 'Legacy-VNet' },
      ],
      phases: ['validate', 'prepare', 'commit'],
      window: openNow(),
      maxConcurrent: 2,
      onFailure: 'continue',
      autoCommit: true,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(created.body.statusUrl);

    const done = await schedulerUntil(api, created.body.batchId, ['Succeeded', 'Failed']);
    expect(done.status).toBe('Succeeded');
    const byName = Object.fromEntries(done.scopes.map((scope) => [scope.name, scope]));
    expect(byName['Prod-VNet']).toMatchObject({ status: 'Succeeded', state: 'Committed' });
    expect(byName['contoso-ftp']).toMatchObject({ status: 'Succeeded', state: 'Committed' });
    expect(byName['Legacy-VNet']).toMatchObject({ status: 'Blocked', state: 'None' });
    expect(byName['Legacy-VNet']?.note).toContain('auto-commit not applied');
    expect((await api.status('virtualNetwork', 'Prod-VNet')).state).toBe('Committed');

    const report = await api.request<{ byStatus: Record<string, number>; findings: { code: string }[] }>(
      'GET',
      `/api/batches/${created.body.batchId}/report`,
    );
    expect(report.status).toBe(200);
    expect(report.body.byStatus).toEqual({ Succeeded: 2, Blocked: 1 });
    expect(report.body.findings.length).toBeGreaterThan(0);
  });

  it('When a batch is created for a window that opens later, then the scheduler starts nothing, and it can be paused, resumed and cancelled', async () => {
    const api = await e2e.freshEstate();
    const later = new Date(Date.now() + 6 * 60 * 60 * 1000).toISOString();
    const created = await api.request<BatchView & { window: { nextOpening: string } }>(
      'POST',
      '/api/batches',
      {
        name: 'tonight',
        selector: { kind: 'virtualNetworks', namePattern: 'prod-*' },
        phases: ['validate'],
        window: { start: later, durationMinutes: 120, recurEvery: 'Week Saturday,Sunday' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.scopes.map((scope) => scope.name)).toEqual(['Prod-VNet']);
    const { batchId } = created.body;

    await fetch(`${e2e.host.baseUrl}/admin/functions/batchScheduler`, { method: 'POST', body: '{}' });
    const waiting = await api.request<BatchView>('GET', `/api/batches/${batchId}`);
    expect(waiting.body).toMatchObject({ status: 'Scheduled', scopes: [{ status: 'Pending' }] });

    expect((await api.request<BatchView>('POST', `/api/batches/${batchId}/pause`)).body.status).toBe(
      'Paused',
    );
    expect((await api.request<BatchView>('POST', `/api/batches/${batchId}/resume`)).body.status).toBe(
      'Scheduled',
    );
    expect((await api.request<BatchView>('POST', `/api/batches/${batchId}/cancel`)).body.status).toBe(
      'Cancelled',
    );
    const again = await api.request<{ error: { code: string } }>('POST', `/api/batches/${batchId}/resume`);
    expect(again.status).toBe(409);

    const list = await api.request<{ value: { batchId: string; status: string }[] }>('GET', '/api/batches');
    expect(list.body.value).toContainEqual(expect.objectContaining({ batchId, status: 'Cancelled' }));
  });

  it('When a plan is not valid, then 400 says every problem and nothing is created', async () => {
    const api = await e2e.freshEstate();
    const response = await api.request<{ error: { code: string; message: string } }>('POST', '/api/batches', {
      name: 'bad',
      scopes: [{ kind: 'virtualNetworks', name: 'Prod-VNet' }],
      phases: ['commit', 'validate'],
      window: {
        start: '2026-12-12T22:00',
        durationMinutes: 60,
        timeZone: 'Mars/Olympus',
        recurEvery: 'Fortnight',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/phases/);
    expect(response.body.error.message).toMatch(/timeZone/);
    expect(response.body.error.message).toMatch(/recurEvery/);
    const missing = await api.request('GET', '/api/batches/no-such-batch');
    expect(missing.status).toBe(404);
  });
});
