/**
 * A worker that dies on the last delivery: Service Bus dead-letters the command, the dead-letter processor
 * (a function on `migration-prepare/$DeadLetterQueue`) ends the operation Failed `DeadLettered` and tells
 * the entity, so the scope is released (PrepareFailed) instead of staying Preparing for 24 hours; the
 * failure is audited and published, and the dead letter is listed by the admin API, which refuses to replay
 * a final operation. Two deliveries and two-second locks keep the test short.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus/local-service-bus-client';
import { eventsNotifierSubscription, eventsTopic, phaseQueues } from '../../shared/contracts/names';
import type { DeadLetterView } from '../../shared/use-cases/operations/dead-letter-admin';
import { e2eEstate } from '../fixtures/e2e-estate';
import { type DevHost, startDevHost } from '../support/devhost';
import { MigrationApi, seedInventory } from '../support/migration-api';
import { waitFor } from '../support/wait-for';

// Two crashes cost two worker restarts and two lock expiries; on a loaded 2-core machine that takes a while.
const recoveryMs = 150_000;
const observer = 'observer';

let host: DevHost;

beforeAll(async () => {
  const shortLock = { lockDuration: 'PT2S', maxDeliveryCount: 2 };
  const config = join(mkdtempSync(join(tmpdir(), 'deadletters-')), 'servicebus.local.json');
  writeFileSync(
    config,
    JSON.stringify({
      entities: {
        ...Object.fromEntries(Object.values(phaseQueues).map((queue) => [queue, shortLock])),
        'devhost-durable-entities': { lockDuration: 'PT2S' },
      },
      topics: { [eventsTopic]: [eventsNotifierSubscription, observer] },
    }),
  );
  host = await startDevHost({
    workers: 2,
    env: { DEVHOST_SERVICEBUS_CONFIG: config, SERVICE_BUS_MAX_DELIVERY_COUNT: '2' },
  });
});
afterAll(async () => {
  await host?.stop();
});

describe('the dead-letter processor', () => {
  it(
    'When the worker dies on the last delivery of a Prepare, then the operation ends Failed DeadLettered, the scope is released, the failure is published, and the dead letter is listed but not replayable',
    async () => {
      const api = new MigrationApi(host.baseUrl, randomUUID());
      await seedInventory(host.storageConnectionString, e2eEstate(api.subscriptionId));
      const planned = await api.request('POST', '/api/admin/faults', {
        scopeKind: 'cloudService',
        name: 'contoso-ftp',
        step: 'prepare.writeArm',
        kind: 'crash',
        times: 2,
      });
      expect(planned.status).toBe(201);

      const failed = await api.run('cloudService', 'contoso-ftp', 'prepare', {}, recoveryMs);
      expect(failed).toMatchObject({
        status: 'Failed',
        resultingState: 'PrepareFailed',
        error: { code: 'DeadLettered' },
      });
      expect(failed.error?.message).toContain('MaxDeliveryCountExceeded');
      const status = await api.status('cloudService', 'contoso-ftp');
      expect(status.state).toBe('PrepareFailed');
      expect(status.history.audit).toContainEqual(
        expect.objectContaining({ operationId: failed.operationId, outcome: 'Failed: DeadLettered' }),
      );

      // The outcome event went out like any other.
      const bus = LocalServiceBusClient.fromConnectionString(host.storageConnectionString);
      await waitFor(async () => {
        const events = await bus.peekMessages(`${eventsTopic}/Subscriptions/${observer}`, 32);
        return events.some((message) => message.messageId === `${failed.operationId}.Failed`) || undefined;
      });

      const listed = await api.request<{ value: DeadLetterView[] }>(
        'GET',
        '/api/admin/deadletters?queue=migration-prepare',
      );
      expect(listed.status).toBe(200);
      expect(listed.body.value.find((view) => view.operationId === failed.operationId)).toMatchObject({
        state: 'handled',
        queue: phaseQueues.prepare,
        deadLetterReason: 'MaxDeliveryCountExceeded',
        outcome: 'Failed: DeadLettered',
        operationStatus: 'Failed',
        replayable: false,
      });
      const replay = await api.request(
        'POST',
        `/api/admin/deadletters/migration-prepare/${failed.operationId}/replay`,
      );
      expect(replay.status).toBe(409);
      expect(replay.body).toMatchObject({ error: { code: 'OperationFinal' } });

      // Released: Prepare may run again, and does.
      expect(await api.run('cloudService', 'contoso-ftp', 'prepare', {}, recoveryMs)).toMatchObject({
        status: 'Succeeded',
        resultingState: 'Prepared',
      });
    },
    recoveryMs * 2,
  );
});
