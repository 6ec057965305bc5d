import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DevHost } from '../support/devhost';
import { waitFor } from '../support/wait-for';
import { readFacts, startFixtureHost, waitForFacts } from './fixture-app';

const eventGridUrl = (host: DevHost, functionName = 'fixtureEvents') =>
  `${host.baseUrl}/runtime/webhooks/eventgrid?functionName=${functionName}`;

describe('dev host storage queue, timer and Event Grid triggers', () => {
  let host: DevHost;
  let queues: QueueServiceClient;

  beforeAll(async () => {
    host = await startFixtureHost();
    queues = QueueServiceClient.fromConnectionString(host.storageConnectionString);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('When a queue message keeps failing, then it is dequeued exactly 5 times and moved to <queue>-poison', async () => {
    const text = JSON.stringify({ poison: 'pill' });
    await queues.getQueueClient('fixture-poison').sendMessage(Buffer.from(text).toString('base64'));
    const poisoned = await waitFor(
      async () => {
        const peeked = await queues.getQueueClient('fixture-poison-poison').peekMessages();
        return peeked.peekedMessageItems.length > 0 ? peeked.peekedMessageItems : undefined;
      },
      { timeoutMs: 30_000, what: 'the poison message' },
    );
    expect(Buffer.from(poisoned[0]!.messageText, 'base64').toString()).toBe(text);
    const attempts = await readFacts(host, 'queueAlwaysFails');
    expect(attempts.map((f) => f.dequeueCount)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.every((f) => f.body === text)).toBe(true);
  });

  it('When a queue function sets a queue output binding, then each array element is written base64-encoded', async () => {
    await queues.getQueueClient('fixture-forward').sendMessage(Buffer.from('"hello"').toString('base64'));
    const forwarded = await waitFor(
      async () => {
        const peeked = await queues
          .getQueueClient('fixture-forwarded')
          .peekMessages({ numberOfMessages: 32 });
        return peeked.peekedMessageItems.length >= 2 ? peeked.peekedMessageItems : undefined;
      },
      { what: 'the forwarded messages' },
    );
    const decoded = forwarded.map((m) => Buffer.from(m.messageText, 'base64').toString());
    expect(decoded).toEqual([JSON.stringify({ forwarded: 'hello' }), 'second']);
    const [fact] = await readFacts(host, 'queueForward');
    expect(fact).toMatchObject({ body: '"hello"', dequeueCount: 1 });
  });

  it('When POST /admin/functions/{timer} is called, then the timer function runs now and the call answers 202', async () => {
    const response = await fetch(`${host.baseUrl}/admin/functions/fixtureTimer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(response.status).toBe(202);
    const [run] = await waitForFacts(host, 'timer', 1);
    expect(run).toMatchObject({ isPastDue: false, adjustForDST: true });
  });

  it('When POST /admin/functions names an unknown or an HTTP function, then it answers 404 or 400', async () => {
    expect((await fetch(`${host.baseUrl}/admin/functions/nope`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    expect((await fetch(`${host.baseUrl}/admin/functions/echo`, { method: 'POST', body: '{}' })).status).toBe(
      400,
    );
  });

  it('When Event Grid sends a SubscriptionValidation event, then the webhook answers with the validation code', async () => {
    const response = await fetch(eventGridUrl(host), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' },
      body: JSON.stringify([
        {
          id: 'v-1',
          topic: '/subscriptions/x',
          subject: '',
          eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
          eventTime: new Date().toISOString(),
          data: { validationCode: 'code-123', validationUrl: 'https://example.invalid' },
          dataVersion: '2',
          metadataVersion: '1',
        },
      ]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ validationResponse: 'code-123' });
  });

  it('When a CloudEvents subscription sends the OPTIONS handshake, then the webhook allows the origin', async () => {
    const response = await fetch(eventGridUrl(host), {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'eventemitter.example.com' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('webhook-allowed-origin')).toBe('eventemitter.example.com');
    expect(response.headers.get('webhook-allowed-rate')).toBe('*');
  });

  it('When Event Grid delivers notifications in either schema, then the function runs once per event', async () => {
    const eventGrid = await fetch(eventGridUrl(host), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
      body: JSON.stringify(
        ['eg-1', 'eg-2'].map((id) => ({
          id,
          topic: '/subscriptions/x',
          subject: 'scopes/a',
          eventType: 'Classic.Migration.Requested',
          eventTime: new Date().toISOString(),
          data: { id },
          dataVersion: '1',
        })),
      ),
    });
    expect(eventGrid.status).toBe(202);
    const single = await fetch(eventGridUrl(host), {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      body: JSON.stringify({
        specversion: '1.0',
        id: 'ce-1',
        type: 'Classic.Migration.Requested',
        source: '/chat',
        data: { n: 1 },
      }),
    });
    expect(single.status).toBe(202);
    const batch = await fetch(eventGridUrl(host), {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(
        ['ce-2', 'ce-3'].map((id) => ({
          specversion: '1.0',
          id,
          type: 'Classic.Migration.Requested',
          source: '/chat',
          data: {},
        })),
      ),
    });
    expect(batch.status).toBe(202);
    const facts = await waitForFacts(host, 'eventGrid', 5);
    expect(facts.map((f) => `${String(f.schema)}:${String(f.id)}`).sort()).toEqual([
      'CloudEvents:ce-1',
      'CloudEvents:ce-2',
      'CloudEvents:ce-3',
      'EventGrid:eg-1',
      'EventGrid:eg-2',
    ]);
  });

  it('When the Event Grid function throws, then the webhook answers 500 so Event Grid retries', async () => {
    const response = await fetch(eventGridUrl(host), {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json' },
      body: JSON.stringify({
        specversion: '1.0',
        id: 'ce-fail',
        type: 't',
        source: '/s',
        data: { fail: true },
      }),
    });
    expect(response.status).toBe(500);
  });

  it('When the webhook names an unknown function, then it answers 404', async () => {
    const response = await fetch(eventGridUrl(host, 'noSuchFunction'), { method: 'POST', body: '[]' });
    expect(response.status).toBe(404);
  });
});
