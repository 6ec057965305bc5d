/**
 * What a `Classic.Migration.Requested` event's admission result becomes for Event Grid (admitted, dropped
 * with the reason in the `events` log, or retried), and the list of rejected events: real stores on
 * Azurite, the scope entity in memory, the phase queues recorded.
 */
import { randomUUID } from 'node:crypto';

import { beforeEach, describe, expect, it } from 'vitest';

import type {
  IncomingEvent,
  MigrationRequestData,
} from '../../../../shared/contracts/migration-request-event';
import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import type { AuditEntry, AuditLog } from '../../../../shared/ports/operation.port';
import { listRejectedEvents } from '../../../../shared/use-cases/events/list-rejected-events';
import {
  recordRejectedEvent,
  rejectedEventsLog,
  requestOperationFromEvent,
} from '../../../../shared/use-cases/events/request-from-event';
import type { AdmissionDeps } from '../../../../shared/use-cases/request-operation/request-operation';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let entity: InMemoryScopeEntity;
let nsg: ScopeRef;

const deps = (): AdmissionDeps => ({ ...services, entity });

const anEvent = (): IncomingEvent => ({
  schema: 'CloudEvents',
  id: randomUUID(),
  type: 'Classic.Migration.Requested',
  source: 'urn:contoso:planner',
  data: {},
});

const data = (overrides: Partial<MigrationRequestData> = {}): MigrationRequestData => ({
  subscriptionId: nsg.subscriptionId,
  scopeKind: 'networkSecurityGroup',
  name: nsg.name,
  action: 'prepare',
  ...overrides,
});

/** The `events` log entry of this event (the log is shared by the test run: found by event id). */
const rejectionOf = async (event: IncomingEvent) =>
  (await listRejectedEvents(services, 500)).find((entry) => entry.detail?.startsWith(`event ${event.id}:`));

beforeEach(async () => {
  services = testServices();
  entity = new InMemoryScopeEntity();
  nsg = { subscriptionId: uniqueSubscriptionId(), kind: 'networkSecurityGroup', name: 'nsg1' };
  await services.classicInventory.save(
    anInventory({
      subscription: { id: nsg.subscriptionId, registeredForMigration: true },
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
    }),
  );
});

describe('requestOperationFromEvent', () => {
  it('When the request is admitted, then the operation is from eventGrid, keyed by the event, and nothing is rejected', async () => {
    const event = anEvent();
    const outcome = await requestOperationFromEvent(deps(), event, data({ requestedBy: 'alice' }));
    expect(outcome).toMatchObject({
      kind: 'admitted',
      existing: false,
      operation: {
        source: 'eventGrid',
        requestedBy: 'alice (via urn:contoso:planner)',
        idempotencyKey: `event:${JSON.stringify(['urn:contoso:planner', event.id])}`,
      },
    });
    expect(await requestOperationFromEvent(deps(), event, data())).toMatchObject({
      kind: 'admitted',
      existing: true,
    });
    expect(await rejectionOf(event)).toBeUndefined();
  });

  it('When the scope does not exist, then the event is dropped and its reason is in the events log', async () => {
    const event = anEvent();
    const outcome = await requestOperationFromEvent(deps(), event, data({ name: 'nosuch' }));
    expect(outcome).toMatchObject({ kind: 'dropped', code: 'ResourceNotFound' });
    expect(await rejectionOf(event)).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      scopeKey: rejectedEventsLog,
      actor: 'urn:contoso:planner',
      source: 'eventGrid',
      action: 'Classic.Migration.Requested',
      outcome: 'Rejected: ResourceNotFound',
      detail: `event ${event.id}: prepare of networkSecurityGroup 'nosuch' in subscription ${nsg.subscriptionId}: The network security group 'nosuch' was not found.`,
    });
  });

  it('When the state refuses the action and nothing else runs on the scope, then the event is dropped (NotPrepared)', async () => {
    const event = anEvent();
    expect(await requestOperationFromEvent(deps(), event, data({ action: 'commit' }))).toMatchObject({
      kind: 'dropped',
      code: 'NotPrepared',
    });
    expect(await rejectionOf(event)).toMatchObject({ outcome: 'Rejected: NotPrepared' });
  });

  it('When another operation holds the scope, then the event is retried, not dropped', async () => {
    entity.setState(scopeKey(nsg), 'Preparing');
    const event = anEvent();
    expect(await requestOperationFromEvent(deps(), event, data({ action: 'commit' }))).toMatchObject({
      kind: 'retry',
      code: 'OperationInProgress',
    });
    expect(await rejectionOf(event)).toBeUndefined();
  });

  it('When the state refuses the action while an earlier Prepare is still queued, then the event is retried', async () => {
    // The Prepare is admitted and queued; its phase has not started, so the entity still says None.
    const prepare = await requestOperationFromEvent(deps(), anEvent(), data());
    if (prepare.kind !== 'admitted') throw new Error(`the Prepare was not admitted: ${prepare.kind}`);
    const commit = anEvent();
    const outcome = await requestOperationFromEvent(deps(), commit, data({ action: 'commit' }));
    expect(outcome).toMatchObject({
      kind: 'retry',
      code: 'NotPrepared',
      reason: expect.stringContaining(`The prepare operation ${prepare.operation.operationId}`),
    });
    expect(await rejectionOf(commit)).toBeUndefined();

    // Once it has failed, nothing may change the state any more: the same event is dropped.
    await services.operations.update(prepare.operation.operationId, (record) => ({
      ...record,
      status: 'Failed',
    }));
    expect(await requestOperationFromEvent(deps(), commit, data({ action: 'commit' }))).toMatchObject({
      kind: 'dropped',
      code: 'NotPrepared',
    });
  });

  it('When only a Validate is queued, then a refused Commit is dropped (Validate never changes the state)', async () => {
    expect((await requestOperationFromEvent(deps(), anEvent(), data({ action: 'validate' }))).kind).toBe(
      'admitted',
    );
    expect(await requestOperationFromEvent(deps(), anEvent(), data({ action: 'commit' }))).toMatchObject({
      kind: 'dropped',
      code: 'NotPrepared',
    });
  });
});

describe('recordRejectedEvent', () => {
  it('When an event is not a valid request, then it is recorded InvalidEvent under its source', async () => {
    const event = anEvent();
    await recordRejectedEvent(services, event, 'its data is a string that is not JSON');
    expect(await rejectionOf(event)).toMatchObject({
      outcome: 'Rejected: InvalidEvent',
      actor: 'urn:contoso:planner',
      detail: `event ${event.id}: its data is a string that is not JSON`,
    });
  });
});

describe('listRejectedEvents', () => {
  const auditOf = (entries: AuditEntry[]): AuditLog => ({
    append: () => Promise.resolve(),
    // As the Table adapter: the partition oldest first, its last `limit` entries.
    listByScope: (key, limit = 200) =>
      Promise.resolve(entries.filter((entry) => entry.scopeKey === key).slice(-limit)),
  });
  const entry = (at: string): AuditEntry => ({
    at,
    scopeKey: rejectedEventsLog,
    actor: 'unknown',
    source: 'eventGrid',
    action: 'unknown',
    outcome: 'Rejected: InvalidEvent',
  });

  it('When rejected events are listed, then the newest come first, at most `limit` of them', async () => {
    const audit = auditOf([
      entry('2026-01-01T00:00:01Z'),
      entry('2026-01-01T00:00:02Z'),
      entry('2026-01-01T00:00:03Z'),
    ]);
    expect((await listRejectedEvents({ audit })).map((e) => e.at)).toEqual([
      '2026-01-01T00:00:03Z',
      '2026-01-01T00:00:02Z',
      '2026-01-01T00:00:01Z',
    ]);
    expect((await listRejectedEvents({ audit }, 2)).map((e) => e.at)).toEqual([
      '2026-01-01T00:00:03Z',
      '2026-01-01T00:00:02Z',
    ]);
  });
});
