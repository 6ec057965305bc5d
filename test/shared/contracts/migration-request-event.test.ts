/**
 * The `Classic.Migration.Requested` event contract: both envelopes as the Event Grid trigger hands them
 * over, the request data in every spelling it accepts, every reason an event is rejected, and the
 * idempotency key that makes a redelivered event answer with the operation it started.
 */
import { describe, expect, it } from 'vitest';

import {
  eventIdempotencyKey,
  type IncomingEvent,
  migrationRequestedEventType,
  readEnvelope,
  readRequestData,
} from '../../../shared/contracts/migration-request-event';
import { scopeKindPaths, scopeKinds } from '../../../shared/domain/scope/scope';

const subscriptionId = '00000000-0000-0000-0000-000000000000';
const topic = `/subscriptions/${subscriptionId}/resourceGroups/ops/providers/Microsoft.EventGrid/topics/migration-requests`;
const requestData = { subscriptionId, scopeKind: 'virtualNetworks', name: 'Prod-VNet', action: 'prepare' };

const eventGridEvent = (overrides: Record<string, unknown> = {}) => ({
  id: 'eg-1',
  eventType: migrationRequestedEventType,
  subject: 'migrations/virtualNetworks/Prod-VNet',
  eventTime: '2026-01-02T03:04:05Z',
  dataVersion: '1.0',
  metadataVersion: '1',
  topic,
  data: requestData,
  ...overrides,
});

const cloudEvent = (overrides: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: 'ce-1',
  source: 'urn:contoso:migration-planner',
  type: migrationRequestedEventType,
  subject: 'migrations/virtualNetworks/Prod-VNet',
  time: '2026-01-02T03:04:05Z',
  datacontenttype: 'application/json',
  data: requestData,
  ...overrides,
});

const incoming = (overrides: Partial<IncomingEvent> = {}): IncomingEvent => ({
  schema: 'CloudEvents',
  id: 'ce-1',
  type: migrationRequestedEventType,
  source: 'urn:contoso:migration-planner',
  data: requestData,
  ...overrides,
});

function rejectionOf(data: unknown, overrides: Partial<IncomingEvent> = {}): string {
  const result = readRequestData(incoming({ data, ...overrides }));
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.data)}`);
  return result.reason;
}

describe('readEnvelope', () => {
  it('When an Event Grid schema event arrives, then its id, eventType, topic (as source) and data are read', () => {
    expect(readEnvelope(eventGridEvent())).toEqual({
      ok: true,
      event: {
        schema: 'EventGrid',
        id: 'eg-1',
        type: migrationRequestedEventType,
        source: topic,
        data: requestData,
      },
    });
  });

  it('When an Event Grid schema event was posted without a topic, then its source is empty', () => {
    const { topic: _topic, ...withoutTopic } = eventGridEvent();
    const result = readEnvelope(withoutTopic);
    expect(result).toMatchObject({ ok: true, event: { schema: 'EventGrid', source: '' } });
  });

  it('When a CloudEvent 1.0 arrives, then its id, type, source and data are read', () => {
    expect(readEnvelope(cloudEvent())).toEqual({
      ok: true,
      event: {
        schema: 'CloudEvents',
        id: 'ce-1',
        type: migrationRequestedEventType,
        source: 'urn:contoso:migration-planner',
        data: requestData,
      },
    });
  });

  it('When a CloudEvent carries no data (optional in CloudEvents 1.0), then the envelope is still read', () => {
    const { data: _data, ...withoutData } = cloudEvent();
    expect(readEnvelope(withoutData)).toMatchObject({
      ok: true,
      event: { schema: 'CloudEvents', data: undefined },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'Classic.Migration.Requested'],
    ['an array', [eventGridEvent()]],
    ['an empty object', {}],
    ['an Event Grid event without an id', { ...eventGridEvent(), id: undefined }],
    ['an Event Grid event with an empty id', eventGridEvent({ id: '' })],
    ['an Event Grid event without an eventType', { ...eventGridEvent(), eventType: undefined }],
    ['a CloudEvent of another spec version', cloudEvent({ specversion: '0.3' })],
    ['a CloudEvent without a source', { ...cloudEvent(), source: undefined }],
    ['a CloudEvent with an empty source', cloudEvent({ source: '' })],
    ['a CloudEvent with an empty id', cloudEvent({ id: '' })],
    ['a CloudEvent without a type', { ...cloudEvent(), type: undefined }],
  ])('When the event is %s, then it is rejected as neither envelope', (_what, raw) => {
    expect(readEnvelope(raw)).toEqual({
      ok: false,
      reason:
        'the event is neither an Event Grid schema event (id, eventType, data) nor a CloudEvent 1.0 (specversion, id, source, type)',
    });
  });
});

describe('readRequestData', () => {
  it('When the data is a request with a path-style scope kind, then it is read with the model kind', () => {
    expect(readRequestData(incoming())).toEqual({
      ok: true,
      data: { subscriptionId, scopeKind: 'virtualNetwork', name: 'Prod-VNet', action: 'prepare' },
    });
  });

  it.each(scopeKinds)('When the scope kind is %s, in either spelling, then it is that kind', (kind) => {
    for (const spelling of [kind, scopeKindPaths[kind], scopeKindPaths[kind].toUpperCase()]) {
      const result = readRequestData(incoming({ data: { ...requestData, scopeKind: spelling } }));
      expect(result, spelling).toMatchObject({ ok: true, data: { scopeKind: kind } });
    }
  });

  it.each([
    ['validate', 'validate'],
    ['Prepare', 'prepare'],
    ['COMMIT', 'commit'],
    ['aBoRt', 'abort'],
  ])('When the action is %s, then it is %s (case does not matter)', (action, expected) => {
    expect(readRequestData(incoming({ data: { ...requestData, action } }))).toMatchObject({
      ok: true,
      data: { action: expected },
    });
  });

  it('When options and requestedBy are given, then both are kept', () => {
    const data = {
      ...requestData,
      scopeKind: 'cloudServices',
      name: 'contoso-ftp',
      action: 'validate',
      options: { includePreflight: true, profile: 'ga' },
      requestedBy: 'alice@contoso.com',
    };
    expect(readRequestData(incoming({ data }))).toEqual({
      ok: true,
      data: { ...data, scopeKind: 'cloudService' },
    });
  });

  it('When the data arrives as a JSON string (binary mode, or serialised twice), then it is parsed', () => {
    expect(readRequestData(incoming({ data: JSON.stringify(requestData) }))).toMatchObject({
      ok: true,
      data: { scopeKind: 'virtualNetwork', name: 'Prod-VNet', action: 'prepare' },
    });
  });

  it('When an Event Grid schema event carries the request, then it is read the same way', () => {
    const envelope = readEnvelope(eventGridEvent({ data: { ...requestData, action: 'Validate' } }));
    if (!envelope.ok) throw new Error(envelope.reason);
    expect(readRequestData(envelope.event)).toMatchObject({ ok: true, data: { action: 'validate' } });
  });

  it('When the event has another type, then it is rejected for its type, whatever its data', () => {
    expect(rejectionOf(requestData, { type: 'Classic.Migration.PrepareSucceeded' })).toBe(
      "its type 'Classic.Migration.PrepareSucceeded' is not Classic.Migration.Requested",
    );
    // The type is compared exactly, as Event Grid filters compare it.
    expect(rejectionOf(requestData, { type: 'classic.migration.requested' })).toContain(
      "its type 'classic.migration.requested' is not",
    );
  });

  it('When the data is a string that is not JSON, then that is the reason', () => {
    expect(rejectionOf('prepare Prod-VNet please')).toBe('its data is a string that is not JSON');
  });

  it.each([
    ['missing', undefined, 'data: '],
    ['null', null, 'data: '],
    ['an array', [requestData], 'data: '],
    ['a JSON string of a number', '42', 'data: '],
  ])('When the data is %s, then it is not a migration request', (_what, data, expected) => {
    const reason = rejectionOf(data);
    expect(reason).toMatch(/^its data is not a migration request: /);
    expect(reason).toContain(expected);
  });

  it.each([
    ['subscriptionId', { subscriptionId: undefined }, 'subscriptionId: '],
    ['subscriptionId', { subscriptionId: '' }, 'subscriptionId: '],
    ['scopeKind', { scopeKind: undefined }, 'scopeKind: '],
    ['name', { name: undefined }, 'name: '],
    ['name', { name: '' }, 'name: '],
    ['action', { action: undefined }, 'action: '],
    ['options', { options: { unknownOption: true } }, 'options: '],
    ['options', { options: { profile: 'preview-2030' } }, 'options.profile: '],
    ['requestedBy', { requestedBy: 'x'.repeat(257) }, 'requestedBy: '],
  ])('When %s is missing or wrong (%o), then the reason names it', (_field, change, expected) => {
    const reason = rejectionOf({ ...requestData, ...change });
    expect(reason).toMatch(/^its data is not a migration request: /);
    expect(reason).toContain(expected);
  });

  it('When the scope kind is unknown, then the reason lists the scope kinds', () => {
    const reason = rejectionOf({ ...requestData, scopeKind: 'virtualMachines' });
    expect(reason).toMatch(
      /^its data is not a migration request: scopeKind: 'virtualMachines' is not a scope kind; use /,
    );
    for (const path of Object.values(scopeKindPaths)) expect(reason).toContain(path);
  });

  it('When the action is unknown, then the reason lists the actions', () => {
    expect(rejectionOf({ ...requestData, action: 'migrate' })).toBe(
      "its data is not a migration request: action: 'migrate' is not an action; use validate, prepare, commit or abort",
    );
  });

  it('When several fields are wrong, then every problem is in the reason', () => {
    const reason = rejectionOf({ subscriptionId, scopeKind: 'nope', action: 'go' });
    expect(reason).toContain('scopeKind: ');
    expect(reason).toContain('name: ');
    expect(reason).toContain('action: ');
    expect(reason).not.toContain('subscriptionId');
  });
});

describe('eventIdempotencyKey', () => {
  it('When an event is keyed, then the key names its source and id', () => {
    expect(eventIdempotencyKey(incoming())).toBe('event:["urn:contoso:migration-planner","ce-1"]');
  });

  it('When the same event is delivered again (whatever its envelope or data), then the key is the same', () => {
    const first = incoming();
    const again = incoming({ schema: 'EventGrid', data: { ...requestData, action: 'commit' } });
    expect(eventIdempotencyKey(again)).toBe(eventIdempotencyKey(first));
  });

  it('When two sources use the same id, then their keys differ (ids are unique per source)', () => {
    expect(eventIdempotencyKey(incoming({ source: 'urn:a' }))).not.toBe(
      eventIdempotencyKey(incoming({ source: 'urn:b' })),
    );
    expect(eventIdempotencyKey(incoming({ id: 'ce-2' }))).not.toBe(eventIdempotencyKey(incoming()));
    expect(eventIdempotencyKey(incoming({ source: 'a:b', id: 'c' }))).not.toBe(
      eventIdempotencyKey(incoming({ source: 'a', id: 'b:c' })),
    );
  });

  it('When an Event Grid event has no topic, then the key has an empty source', () => {
    const envelope = readEnvelope({ ...eventGridEvent(), topic: undefined });
    if (!envelope.ok) throw new Error(envelope.reason);
    expect(eventIdempotencyKey(envelope.event)).toBe('event:["","eg-1"]');
  });
});
