/**
 * A session held by a worker that dies right after taking it must come back to another receiver once the lock
 * expires. The hazard: the session token is hidden for one lock duration when it is received, which is before
 * the lock is taken, so left alone it reappears while the dead holder's lock still holds; the receiver that
 * finds it then takes it for a spare and deletes it, and nothing brings the session back.
 *
 * The dead holder is played in-process: its lock is taken late (a slow store), never renewed (renewal bounded
 * at 0 ms, as a dead process renews nothing) and its handler never settles.
 */
import { randomUUID } from 'node:crypto';

import { TableClient } from '@azure/data-tables';
import { afterEach, describe, expect, inject, it } from 'vitest';

import { Logger } from '../../devhost/logging/logger';
import { DuplicateDetector } from '../../devhost/servicebus/duplicate-detector';
import type { EntityProperties } from '../../devhost/servicebus/entity-properties';
import type { ReceiverContext } from '../../devhost/servicebus/receiver-context';
import { SessionLocks } from '../../devhost/servicebus/session-lock';
import { SessionReceiver } from '../../devhost/servicebus/session-receiver';
import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { EntityTopology } from '../../shared/adapters/local-service-bus/entity-topology';
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { localServiceBusTables } from '../../shared/adapters/local-service-bus/storage-names';
import { waitFor } from '../support/wait-for';

const lockDurationMs = 2_000;

/** Takes each lock this long after the token was received, as a loaded worker might. */
class SlowSessionLocks extends SessionLocks {
  override async tryAcquire(entityPath: string, sessionId: string, durationMs: number) {
    await new Promise((resolve) => setTimeout(resolve, lockDurationMs * 0.75));
    return super.tryAcquire(entityPath, sessionId, durationMs);
  }
}

const receivers: SessionReceiver[] = [];
const releaseDeadHolder: (() => void)[] = [];

afterEach(async () => {
  for (const release of releaseDeadHolder.splice(0)) release();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.stop()));
});

async function contextFor(entityPath: string, storage: StorageClients): Promise<ReceiverContext> {
  const properties: EntityProperties = {
    maxDeliveryCount: 10,
    lockDurationMs,
    requiresDuplicateDetection: false,
    duplicateDetectionWindowMs: 0,
    requiresSession: true,
  };
  return {
    entityPath,
    properties,
    maxRenewalMs: Number.POSITIVE_INFINITY,
    storage,
    duplicates: new DuplicateDetector(await storage.table(localServiceBusTables.duplicateDetection)),
    logger: new Logger({ test: 'session-takeover' }, 'error'),
  };
}

async function locksTable(storage: StorageClients): Promise<TableClient> {
  return storage.table(localServiceBusTables.sessionLocks);
}

describe('a session whose holder dies right after taking it', () => {
  it('When the holder never renews or settles, then another receiver takes the session over after the lock expires and delivers the message', async () => {
    const connectionString = inject('azuriteConnectionString');
    const storage = new StorageClients(connectionString);
    const entityPath = `takeover-${randomUUID().slice(0, 8)}`;
    await new EntityTopology(storage).declare([
      { path: entityPath, kind: 'queue', requiresSession: true, subscriptions: [] },
    ]);
    const context = await contextFor(entityPath, storage);

    let deadHolderGotIt = false;
    const deadHolder = new SessionReceiver(
      context,
      () => {
        deadHolderGotIt = true;
        return new Promise<void>((resolve) => releaseDeadHolder.push(resolve));
      },
      new SlowSessionLocks(await locksTable(storage), 'dead-holder'),
      { maxConcurrentSessions: 1, batchSize: 1, maxPollingIntervalMs: 100, maxLockRenewalMs: 0 },
    );
    receivers.push(deadHolder);
    await deadHolder.start();

    await LocalServiceBusClient.fromConnectionString(connectionString).sendMessages(entityPath, {
      body: { step: 'prepare' },
      messageId: randomUUID(),
      sessionId: 'scope-1',
    });
    await waitFor(() => deadHolderGotIt, { what: 'the first holder to get the message' });

    const delivered: { deliveryCount: number }[] = [];
    const survivor = new SessionReceiver(
      context,
      (envelopes) => {
        delivered.push(...envelopes.map((envelope) => ({ deliveryCount: envelope.deliveryCount })));
        return Promise.resolve();
      },
      new SessionLocks(await locksTable(storage), 'survivor'),
      { maxConcurrentSessions: 1, batchSize: 1, maxPollingIntervalMs: 100 },
    );
    receivers.push(survivor);
    await survivor.start();

    await waitFor(() => delivered.length > 0, {
      timeoutMs: lockDurationMs * 10,
      what: 'the message to be redelivered to the surviving receiver',
    });
    expect(delivered).toEqual([{ deliveryCount: 2 }]);
  });
});
