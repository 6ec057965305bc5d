/**
 * Faults injected at every step of every phase (`POST /api/admin/faults`), transient (the redelivered message
 * finishes the phase) and fatal (the scope ends in its *Failed state and a retry succeeds). Moved here from
 * test/e2e/migration-reliability.test.ts, which runs them as before; test/e2e/azure-fidelity.test.ts runs
 * them against the Azure-like dev host.
 */
import { TableClient } from '@azure/data-tables';
import { expect } from 'vitest';

import { faultsTable } from '../../../shared/adapters/tables/table-fault-injector';
import { scopeKey, type ScopeKind } from '../../../shared/domain/scope/scope';
import type { E2eHost } from '../e2e-host';
import type { MigrationApi } from '../migration-api';
import type { Flow, StepFlow } from './flow';

export const prepareSteps = ['prepare.translate', 'prepare.dataPlane', 'prepare.writeArm'] as const;
/** `commit.finish` fails after the Classic side is gone: the retried Commit must still finish. */
export const commitSteps = [
  'commit.recordScope',
  'commit.commitArm',
  'commit.removeClassic',
  'commit.finish',
] as const;

export async function planFault(
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
export async function faultRemaining(
  e2e: E2eHost,
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

export const transientPrepareFault: StepFlow = {
  name: 'When %s fails transiently, then the redelivered message finishes Prepare',
  steps: prepareSteps,
  async run(e2e: E2eHost, step: string) {
    const api = await e2e.freshEstate();
    await planFault(api, 'cloudService', 'contoso-ftp', step, 'transient');
    expect(await api.run('cloudService', 'contoso-ftp', 'prepare')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
    expect(await faultRemaining(e2e, api, 'cloudService', 'contoso-ftp', step)).toBe(0);
    expect((await api.status('cloudService', 'contoso-ftp')).arm.resources).toHaveLength(7);
  },
};

export const fatalPrepareFault: StepFlow = {
  name: 'When %s fails for good, then the scope is PrepareFailed and a retried Prepare succeeds',
  steps: prepareSteps,
  async run(e2e: E2eHost, step: string) {
    const api = await e2e.freshEstate();
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
};

export const transientCommitFault: StepFlow = {
  name: 'When %s fails transiently, then the redelivered message finishes Commit',
  steps: commitSteps,
  async run(e2e: E2eHost, step: string) {
    const api = await e2e.freshEstate();
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    await planFault(api, 'virtualNetwork', 'Prod-VNet', step, 'transient');
    expect(await api.run('virtualNetwork', 'Prod-VNet', 'commit')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Committed',
    });
    expect(await faultRemaining(e2e, api, 'virtualNetwork', 'Prod-VNet', step)).toBe(0);
  },
};

export const fatalCommitFault: StepFlow = {
  name: 'When %s fails for good, then the scope is CommitFailed, Abort is refused and a retried Commit succeeds',
  steps: commitSteps,
  async run(e2e: E2eHost, step: string) {
    const api = await e2e.freshEstate();
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
};

export const abortFaults: Flow = {
  name: 'When abort.removeArm fails transiently and then for good, then Abort retries, fails to AbortFailed, and a retried Abort succeeds',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
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
  },
};
