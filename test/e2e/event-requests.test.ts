/**
 * Operations requested by events, through the dev host's Event Grid webhook
 * (`POST /runtime/webhooks/eventgrid?functionName=migrationRequests`): the subscription handshakes, both
 * envelopes, at-least-once delivery, events that can never be valid (202, nothing started, the reason at
 * `GET /api/events/rejected`) and events that arrive out of order (500, so that Event Grid delivers them
 * again). Each test works in its own subscription; the rejected-events log is shared by the file's tests.
 */
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { migrationRequestsFunction } from '../../shared/contracts/names';
import type { OperationRecord } from '../../shared/contracts/operation-record';
import { scopeKey, type ScopeKind, scopeKindPaths } from '../../shared/domain/scope/scope';
import type { AuditEntry } from '../../shared/ports/operation.port';
import { useDevHost } from '../support/e2e-host';
import type { MigrationApi } from '../support/migration-api';
import { waitFor } from '../support/wait-for';

const e2e = useDevHost();
const freshEstate = () => e2e.freshEstate();

const requestedType = 'Classic.Migration.Requested';
const topicOf = (api: MigrationApi) =>
  `/subscriptions/${api.subscriptionId}/resourceGroups/ops/providers/Microsoft.EventGrid/topics/migration-requests`;
const planner = 'urn:contoso:migration-planner';

interface RequestData {
  subscriptionId: string;
  scopeKind: string;
  name: string;
  action: string;
  requestedBy?: string;
}

/** Posts to the Event Grid webhook of the `migrationRequests` function, as Event Grid delivers. */
async function deliver(
  body: unknown,
  headers: Record<string, string>,
  method = 'POST',
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(
    `${e2e.host.baseUrl}/runtime/webhooks/eventgrid?functionName=${migrationRequestsFunction}`,
    {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    },
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** An Event Grid schema delivery: always an array, with `aeg-event-type: Notification`. */
function deliverEventGrid(events: unknown[]) {
  return deliver(events, { 'content-type': 'application/json', 'aeg-event-type': 'Notification' });
}

/** A CloudEvents 1.0 delivery in structured mode (one event). */
function deliverCloudEvent(event: unknown) {
  return deliver(event, {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'aeg-event-type': 'Notification',
  });
}

function eventGridEvent(api: MigrationApi, data: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    eventType: requestedType,
    subject: 'migrations',
    eventTime: new Date().toISOString(),
    dataVersion: '1.0',
    metadataVersion: '1',
    topic: topicOf(api),
    data,
    ...overrides,
  };
}

function cloudEvent(data: unknown, overrides: Record<string, unknown> = {}) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: planner,
    type: requestedType,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}

const request = (
  api: MigrationApi,
  kind: ScopeKind,
  name: string,
  action: string,
  extra: Partial<RequestData> = {},
): RequestData => ({
  subscriptionId: api.subscriptionId,
  scopeKind: scopeKindPaths[kind],
  name,
  action,
  ...extra,
});

/** The scope's operations that events started, newest first. */
async function eventOperations(api: MigrationApi, kind: ScopeKind, name: string): Promise<OperationRecord[]> {
  const status = await api.status(kind, name);
  return status.history.operations.filter((operation) => operation.source === 'eventGrid');
}

/** The one operation of this kind an event started on the scope (admission answers before the 202). */
async function operationOf(
  api: MigrationApi,
  kind: ScopeKind,
  name: string,
  operation: string,
): Promise<OperationRecord> {
  const found = (await eventOperations(api, kind, name)).filter((record) => record.operation === operation);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function rejectedEvents(api: MigrationApi, limit?: number): Promise<AuditEntry[]> {
  const response = await api.request<{ value: AuditEntry[] }>(
    'GET',
    `/api/events/rejected${limit === undefined ? '' : `?limit=${limit}`}`,
  );
  expect(response.status).toBe(200);
  return response.body.value;
}

const rejectionOf = async (api: MigrationApi, eventId: string) =>
  (await rejectedEvents(api)).find((entry) => entry.detail?.startsWith(`event ${eventId}:`));

describe('the Event Grid subscription', () => {
  it('When Event Grid validates the subscription, then the webhook answers 200 with the validation code', async () => {
    const response = await deliver(
      [
        {
          id: randomUUID(),
          topic:
            '/subscriptions/s/resourceGroups/ops/providers/Microsoft.EventGrid/topics/migration-requests',
          subject: '',
          data: {
            validationCode: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6',
            validationUrl: 'https://example.test',
          },
          eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
          eventTime: new Date().toISOString(),
          metadataVersion: '1',
          dataVersion: '1',
        },
      ],
      { 'content-type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' },
    );
    expect(response).toMatchObject({
      status: 200,
      body: { validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' },
    });
  });

  it('When a CloudEvents sender asks the OPTIONS abuse-protection handshake, then the origin is allowed', async () => {
    const response = await deliver(undefined, { 'WebHook-Request-Origin': 'eventgrid.azure.net' }, 'OPTIONS');
    expect(response.status).toBe(200);
    expect(response.headers.get('webhook-allowed-origin')).toBe('eventgrid.azure.net');
  });
});

describe('requests by event', () => {
  it('When an Event Grid schema event asks for a Validate, then it runs as an operation from eventGrid naming the topic', async () => {
    const api = await freshEstate();
    const event = eventGridEvent(api, request(api, 'virtualNetwork', 'Prod-VNet', 'validate'));
    expect((await deliverEventGrid([event])).status).toBe(202);

    const queued = await operationOf(api, 'virtualNetwork', 'Prod-VNet', 'validate');
    expect(queued).toMatchObject({
      source: 'eventGrid',
      requestedBy: topicOf(api),
      idempotencyKey: `event:${JSON.stringify([topicOf(api), event.id])}`,
    });
    expect(await api.finished(queued.operationId)).toMatchObject({ status: 'Succeeded', findings: [] });
    const audit = (await api.status('virtualNetwork', 'Prod-VNet')).history.audit;
    expect(audit).toContainEqual(
      expect.objectContaining({
        operationId: queued.operationId,
        source: 'eventGrid',
        outcome: 'Queued',
        detail: `from event ${event.id} from ${topicOf(api)}`,
      }),
    );
  });

  it('When CloudEvents ask for Prepare and then Commit, then the scope migrates end to end', async () => {
    const api = await freshEstate();
    const ask = async (action: string) => {
      const event = cloudEvent(
        // The model's spelling of the kind and any case of the action are accepted too.
        {
          ...request(api, 'cloudService', 'contoso-ftp', action),
          scopeKind: 'cloudService',
          requestedBy: 'alice',
        },
      );
      expect((await deliverCloudEvent(event)).status).toBe(202);
      const operation = await operationOf(api, 'cloudService', 'contoso-ftp', action.toLowerCase());
      expect(operation).toMatchObject({ source: 'eventGrid', requestedBy: `alice (via ${planner})` });
      return api.finished(operation.operationId);
    };

    expect(await ask('Prepare')).toMatchObject({ status: 'Succeeded', resultingState: 'Prepared' });
    expect(await ask('commit')).toMatchObject({ status: 'Succeeded', resultingState: 'Committed' });
    expect(await api.status('cloudService', 'contoso-ftp')).toMatchObject({
      state: 'Committed',
      locked: false,
    });
  });

  it('When the same event is delivered twice, one after the other or at once, then one operation runs for it', async () => {
    const api = await freshEstate();
    const data = request(api, 'virtualNetwork', 'Prod-VNet', 'validate');
    const sequential = cloudEvent(data);
    expect((await deliverCloudEvent(sequential)).status).toBe(202);
    expect((await deliverCloudEvent(sequential)).status).toBe(202);
    const concurrent = cloudEvent(data);
    const both = await Promise.all([deliverCloudEvent(concurrent), deliverCloudEvent(concurrent)]);
    expect(both.map((response) => response.status)).toEqual([202, 202]);

    const operations = await eventOperations(api, 'virtualNetwork', 'Prod-VNet');
    expect(operations.map((operation) => operation.idempotencyKey).sort()).toEqual(
      [sequential.id, concurrent.id].map((id) => `event:${JSON.stringify([planner, id])}`).sort(),
    );
    await Promise.all(operations.map((operation) => api.finished(operation.operationId)));
    const queued = (await api.status('virtualNetwork', 'Prod-VNet')).history.audit.filter(
      (entry) => entry.outcome === 'Queued',
    );
    expect(queued).toHaveLength(2);
  });
});

describe('events that can never be valid', () => {
  it('When events are of another type, lack a name, ask an unknown action or are no envelope at all, then each answers 202, starts nothing and its reason is listed', async () => {
    const api = await freshEstate();
    const valid = request(api, 'virtualNetwork', 'Prod-VNet', 'prepare');
    const wrongType = cloudEvent(valid, { type: 'Classic.Migration.PrepareSucceeded' });
    const { name: _name, ...withoutName } = valid;
    const noName = eventGridEvent(api, withoutName);
    const unknownAction = cloudEvent({ ...valid, action: 'migrate' });

    expect((await deliverCloudEvent(wrongType)).status).toBe(202);
    expect((await deliverEventGrid([noName])).status).toBe(202);
    expect((await deliverCloudEvent(unknownAction)).status).toBe(202);
    // Binary mode with no ce-id, ce-source or ce-type: the function gets no envelope it can read.
    const noEnvelope = await deliver(JSON.stringify(valid), {
      'content-type': 'application/json',
      'ce-specversion': '1.0',
    });
    expect(noEnvelope.status).toBe(202);

    expect((await api.status('virtualNetwork', 'Prod-VNet')).history.operations).toEqual([]);
    const [latest, ...earlier] = await rejectedEvents(api, 4);
    // Newest first: the last delivery is listed first.
    expect(latest).toMatchObject({
      scopeKey: 'events',
      actor: 'unknown',
      action: 'unknown',
      source: 'eventGrid',
      outcome: 'Rejected: InvalidEvent',
      detail: expect.stringMatching(
        /^the event is neither an Event Grid schema event .* nor a CloudEvent 1\.0/,
      ),
    });
    expect(earlier).toEqual([
      expect.objectContaining({
        actor: planner,
        action: requestedType,
        outcome: 'Rejected: InvalidEvent',
        detail: `event ${unknownAction.id}: its data is not a migration request: action: 'migrate' is not an action; use validate, prepare, commit or abort`,
      }),
      expect.objectContaining({
        actor: topicOf(api),
        action: requestedType,
        outcome: 'Rejected: InvalidEvent',
        detail: expect.stringMatching(
          new RegExp(`^event ${noName.id}: its data is not a migration request: name: `),
        ),
      }),
      expect.objectContaining({
        actor: planner,
        action: 'Classic.Migration.PrepareSucceeded',
        outcome: 'Rejected: InvalidEvent',
        detail: `event ${wrongType.id}: its type 'Classic.Migration.PrepareSucceeded' is not ${requestedType}`,
      }),
    ]);
  });

  it('When the rejected events are asked with a limit outside 1..500, then the answer is 400 naming the limit', async () => {
    const api = await freshEstate();
    for (const limit of ['0', '501', 'ten', '2.5']) {
      const response = await api.request<{ error: { code: string; details: { target: string }[] } }>(
        'GET',
        `/api/events/rejected?limit=${limit}`,
      );
      expect(response.status, limit).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'InvalidInput', details: [{ target: 'limit' }] });
    }
  });

  it('When an event asks for a scope that does not exist, then it answers 202, starts nothing and is listed as ResourceNotFound', async () => {
    const api = await freshEstate();
    const event = cloudEvent(request(api, 'storageAccount', 'nosuchaccount', 'prepare'));
    expect((await deliverCloudEvent(event)).status).toBe(202);

    // The scope has no status to read (not in Classic, never operated on): the reason is in the events log.
    expect((await api.request('GET', '/api/migrations/storageAccounts/nosuchaccount')).status).toBe(404);
    expect(await rejectionOf(api, event.id)).toMatchObject({
      actor: planner,
      outcome: 'Rejected: ResourceNotFound',
      detail: `event ${event.id}: prepare of storageAccount 'nosuchaccount' in subscription ${api.subscriptionId}: The storage account 'nosuchaccount' was not found.`,
    });
  });
});

describe('events out of order', () => {
  it('When Commit is asked of a scope never prepared, then it answers 202, starts nothing and is audited NotPrepared', async () => {
    const api = await freshEstate();
    const event = cloudEvent(request(api, 'virtualNetwork', 'Prod-VNet', 'commit'));
    expect((await deliverCloudEvent(event)).status).toBe(202);

    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status).toMatchObject({ state: 'None' });
    expect(status.history.operations).toEqual([]);
    expect(status.history.audit).toContainEqual(
      expect.objectContaining({
        source: 'eventGrid',
        action: 'commit',
        actor: planner,
        outcome: 'Rejected: NotPrepared',
        detail: expect.stringContaining(`(from event ${event.id} from ${planner})`),
      }),
    );
    expect(await rejectionOf(api, event.id)).toMatchObject({ outcome: 'Rejected: NotPrepared' });
  });

  it('When Commit arrives while another operation holds the scope (Preparing), then it answers 500 for Event Grid to retry', async () => {
    const api = await freshEstate();
    // A Prepare the entity has accepted and that nothing completes: the scope stays Preparing.
    const key = scopeKey({ subscriptionId: api.subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' });
    const held = await fetch(
      `${e2e.host.baseUrl}/runtime/webhooks/durabletask/entities/migrationScope/${key}?op=request`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operationId: 'running-prepare',
          operation: 'prepare',
          now: new Date().toISOString(),
          scopeLabel: 'Prod-VNet',
        }),
      },
    );
    expect(held.status).toBe(202);
    await waitFor(
      async () => (await api.status('virtualNetwork', 'Prod-VNet')).state === 'Preparing' || undefined,
      { what: 'the scope to be Preparing' },
    );

    const commit = cloudEvent(request(api, 'virtualNetwork', 'Prod-VNet', 'commit'));
    expect((await deliverCloudEvent(commit)).status).toBe(500);
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.history.operations).toEqual([]);
    expect(status.history.audit).toContainEqual(
      expect.objectContaining({
        action: 'commit',
        source: 'eventGrid',
        outcome: 'Rejected: OperationInProgress',
        detail: expect.stringContaining(`event ${commit.id}`),
      }),
    );
    // Retried, not dropped: it is not among the rejected events.
    expect(await rejectionOf(api, commit.id)).toBeUndefined();
  });

  it('When Commit arrives before its Prepare finished, then it answers 500 until the Prepare succeeds, and then commits', async () => {
    const api = await freshEstate();
    // The first writes of the ARM side fail transiently: the Prepare takes a few deliveries.
    const fault = await api.request('POST', '/api/admin/faults', {
      scopeKind: 'virtualNetworks',
      name: 'Prod-VNet',
      step: 'prepare.writeArm',
      kind: 'transient',
      times: 3,
    });
    expect(fault.status).toBe(201);
    const prepare = cloudEvent(request(api, 'virtualNetwork', 'Prod-VNet', 'prepare'));
    const commit = cloudEvent(request(api, 'virtualNetwork', 'Prod-VNet', 'commit'));

    expect((await deliverCloudEvent(prepare)).status).toBe(202);
    // At once, the Prepare is still queued (the entity reports None, so NotPrepared) or running
    // (Preparing): either way the Commit may be accepted later, so Event Grid must deliver it again.
    const answers = [(await deliverCloudEvent(commit)).status];
    expect(answers).toEqual([500]);
    // Event Grid's redeliveries of the same event (sooner than its real back-off), until one is accepted.
    await waitFor(
      async () => {
        answers.push((await deliverCloudEvent(commit)).status);
        return answers.at(-1) === 202;
      },
      { what: 'the Commit event to be accepted', intervalMs: 200 },
    );
    expect(answers.slice(0, -1).every((status) => status === 500)).toBe(true);

    // Accepted once the entity had the scope Prepared (the Prepare's record may be finishing still).
    const prepared = await operationOf(api, 'virtualNetwork', 'Prod-VNet', 'prepare');
    expect(await api.finished(prepared.operationId)).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
    const committing = await operationOf(api, 'virtualNetwork', 'Prod-VNet', 'commit');
    expect(await api.finished(committing.operationId)).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Committed',
    });
    expect((await api.status('virtualNetwork', 'Prod-VNet')).state).toBe('Committed');
    const refusals = (await api.status('virtualNetwork', 'Prod-VNet')).history.audit.filter(
      (entry) => entry.action === 'commit' && entry.outcome.startsWith('Rejected: '),
    );
    expect(refusals).toHaveLength(answers.length - 1);
    for (const refusal of refusals)
      expect(refusal.outcome).toMatch(/^Rejected: (NotPrepared|OperationInProgress)$/);
    expect(await rejectionOf(api, commit.id)).toBeUndefined();
  });
});
