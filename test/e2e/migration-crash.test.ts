/**
 * A crash at any point: the worker process dies in the middle of a phase (fault kind `crash`), the dev
 * host starts a replacement as the Functions host restarts a crashed worker, the message lock expires and
 * the redelivered message finishes the job. Short locks keep the test quick.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { phaseQueues } from '../../shared/contracts/names';
import type { ScopeKind } from '../../shared/domain/scope/scope';
import { e2eEstate } from '../fixtures/e2e-estate';
import { type DevHost, startDevHost } from '../support/devhost';
import { MigrationApi, seedInventory } from '../support/migration-api';

// A crash costs a worker restart and a lock expiry; on a loaded 2-core machine that can take a while.
const recoveryMs = 110_000;

let host: DevHost;

beforeAll(async () => {
  const shortLock = { lockDuration: 'PT2S', maxDeliveryCount: 10 };
  const config = join(mkdtempSync(join(tmpdir(), 'crash-')), 'servicebus.local.json');
  writeFileSync(
    config,
    JSON.stringify({
      entities: {
        ...Object.fromEntries(Object.values(phaseQueues).map((queue) => [queue, shortLock])),
        'devhost-durable-entities': { lockDuration: 'PT2S' },
      },
      topics: { 'migration-events': ['notifiers'] },
    }),
  );
  host = await startDevHost({ workers: 2, env: { DEVHOST_SERVICEBUS_CONFIG: config } });
});
afterAll(async () => {
  await host?.stop();
});
// A failure here is about what the workers did: show the host's own account of it (status polls left out).
afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  const lines = host.logs().filter((line) => !line.includes('operationStatus'));
  console.error(`Dev host log (last 60 lines):\n${lines.slice(-60).join('\n')}`);
});

async function crashAt(api: MigrationApi, kind: ScopeKind, name: string, step: string): Promise<void> {
  const planned = await api.request('POST', '/api/admin/faults', {
    scopeKind: kind,
    name,
    step,
    kind: 'crash',
  });
  expect(planned.status).toBe(201);
}

describe('a worker crash in the middle of a phase', () => {
  it.each(['prepare.translate', 'prepare.dataPlane', 'prepare.writeArm', 'prepare.finish'])(
    'When the worker dies at %s, then the redelivered message finishes Prepare exactly once',
    async (step) => {
      const api = new MigrationApi(host.baseUrl, randomUUID());
      await seedInventory(host.storageConnectionString, e2eEstate(api.subscriptionId));
      await crashAt(api, 'cloudService', 'contoso-ftp', step);
      const prepared = await api.run('cloudService', 'contoso-ftp', 'prepare', {}, recoveryMs);
      expect(prepared).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Prepared',
        decision: 'started',
      });
      expect(host.logs().some((line) => line.includes(`injected crash at ${step.split('.')[1]}`))).toBe(true);
      const status = await api.status('cloudService', 'contoso-ftp');
      expect(status.arm.resources).toHaveLength(7);
      expect(status.history.operations).toHaveLength(1);
    },
    recoveryMs + 10_000,
  );

  it.each(['commit.removeClassic', 'commit.finish', 'abort.removeArm'])(
    'When the worker dies at %s, then the redelivered message finishes the phase',
    async (step) => {
      const api = new MigrationApi(host.baseUrl, randomUUID());
      await seedInventory(host.storageConnectionString, e2eEstate(api.subscriptionId));
      await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
      await crashAt(api, 'virtualNetwork', 'Prod-VNet', step);
      const phase = step.split('.')[0] ?? '';
      const done = await api.run('virtualNetwork', 'Prod-VNet', phase, {}, recoveryMs);
      expect(done).toMatchObject({
        status: 'Succeeded',
        resultingState: phase === 'commit' ? 'Committed' : 'None',
      });
    },
    recoveryMs + 30_000,
  );
});
