import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { DevHost } from '../support/devhost';
import { waitFor } from '../support/wait-for';
import { Fact, readFacts, startFixtureHost, waitForFacts } from './fixture-app';

describe('dev host Service Bus triggers (2 workers)', () => {
  let host: DevHost;
  let bus: LocalServiceBusClient;

  beforeAll(async () => {
    host = await startFixtureHost({ workers: 2 });
    bus = LocalServiceBusClient.fromConnectionString(host.storageConnectionString);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('When a message arrives, then the function gets its body and the trigger metadata Service Bus passes', async () => {
    await bus.sendMessages('fixture-plain', {
      body: { hello: 'world' },
      messageId: 'meta-1',
      correlationId: 'corr-1',
      applicationProperties: { tenant: 'contoso', attempt: 3 },
    });
    const [fact] = await waitForFacts(host, 'sbPlain', 1, (f) => f.messageId === 'meta-1');
    expect(fact).toMatchObject({
      body: JSON.stringify({ hello: 'world' }),
      deliveryCount: 1,
      correlationId: 'corr-1',
      applicationProperties: JSON.stringify({ tenant: 'contoso', attempt: 3 }),
    });
    expect(Date.parse(String(fact?.enqueuedTimeUtc))).not.toBeNaN();
  });

  it('When a handler always throws, then the message is delivered exactly 10 times and dead-lettered with MaxDeliveryCountExceeded', async () => {
    await bus.sendMessages('fixture-always-fails', { body: { n: 1 }, messageId: 'dlq-1' });
    const [deadLettered] = await waitFor(
      async () => {
        const messages = await bus.peekDeadLetterMessages('fixture-always-fails');
        return messages.length > 0 ? messages : undefined;
      },
      { timeoutMs: 30_000, what: 'the dead-lettered message' },
    );
    expect(deadLettered).toMatchObject({
      messageId: 'dlq-1',
      body: { n: 1 },
      deliveryCount: 10,
      deadLetterReason: 'MaxDeliveryCountExceeded',
      deadLetterErrorDescription: 'Error: Attempt 10 failed on purpose',
    });
    const attempts = (await readFacts(host, 'sbAlwaysFails')).filter((f) => f.messageId === 'dlq-1');
    expect(attempts.map((f) => f.deliveryCount).sort((a, b) => Number(a) - Number(b))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);

    const response = await fetch(`${host.baseUrl}/admin/servicebus/fixture-always-fails/deadletter`);
    const body = (await response.json()) as { messages: { messageId: string; deadLetterReason: string }[] };
    expect(body.messages).toEqual([
      expect.objectContaining({ messageId: 'dlq-1', deadLetterReason: 'MaxDeliveryCountExceeded' }),
    ]);
  });

  it('When several sessions are sent at once, then each session is handled one message at a time in FIFO order while sessions run in parallel', async () => {
    const sessions = ['s-a', 's-b', 's-c'];
    const perSession = 6;
    // One send per message (each may leave a wake-up token), so receivers on both workers compete for the
    // same sessions; within a session the sends are sequential, which fixes the FIFO order.
    await Promise.all(
      sessions.map(async (session) => {
        for (let seq = 0; seq < perSession; seq++) {
          await bus.sendMessages('fixture-sessions', { body: { session, seq }, sessionId: session });
        }
      }),
    );
    const facts = await waitForFacts(host, 'sbSessions', sessions.length * perSession);
    const runs = facts.map((f) => ({
      ...(JSON.parse(String(f.body)) as { session: string; seq: number }),
      sessionId: f.sessionId,
      startedAt: Number(f.startedAt),
      endedAt: Number(f.endedAt),
    }));
    for (const session of sessions) {
      const ofSession = runs.filter((r) => r.session === session).sort((a, b) => a.startedAt - b.startedAt);
      expect(ofSession.map((r) => r.sessionId)).toEqual(Array(perSession).fill(session));
      expect(ofSession.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5]);
      for (let i = 1; i < ofSession.length; i++) {
        expect(ofSession[i]!.startedAt).toBeGreaterThanOrEqual(ofSession[i - 1]!.endedAt);
      }
    }
    const overlapAcrossSessions = runs.some((a) =>
      runs.some((b) => a.session !== b.session && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
    );
    expect(overlapAcrossSessions).toBe(true);
  });

  it('When a session-enabled queue gets a message without a sessionId, then the send is refused as Service Bus refuses it', async () => {
    await expect(bus.sendMessages('fixture-sessions', { body: 'no session' })).rejects.toThrow(
      /SessionId was not set/,
    );
  });

  it('When the same messageId is sent twice within the detection window, then the function runs once', async () => {
    await bus.sendMessages('fixture-plain', { body: { copy: 1 }, messageId: 'dup-1' });
    await bus.sendMessages('fixture-plain', { body: { copy: 2 }, messageId: 'dup-1' });
    await waitFor(
      () => host.logs().some((line) => line.includes('duplicateDropped') && line.includes('dup-1')),
      {
        what: 'the duplicate to be dropped',
      },
    );
    const deliveries = (await readFacts(host, 'sbPlain')).filter((f) => f.messageId === 'dup-1');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.body).toBe(JSON.stringify({ copy: 1 }));
  });

  it('When a message is scheduled, then it is not delivered before its scheduled enqueue time', async () => {
    const scheduledFor = Date.now() + 2_500;
    await bus.sendMessages('fixture-plain', {
      body: 'later',
      messageId: 'scheduled-1',
      scheduledEnqueueTimeUtc: new Date(scheduledFor),
    });
    await bus.sendMessages('fixture-plain', { body: 'now', messageId: 'immediate-1' });
    const [immediate] = await waitForFacts(host, 'sbPlain', 1, (f) => f.messageId === 'immediate-1');
    const [scheduled] = await waitForFacts(host, 'sbPlain', 1, (f) => f.messageId === 'scheduled-1');
    expect(Number(scheduled!.receivedAt)).toBeGreaterThanOrEqual(scheduledFor);
    expect(Number(immediate!.receivedAt)).toBeLessThan(Number(scheduled!.receivedAt));
  });

  it('When a message is sent to a topic, then every subscription gets a copy, including ones declared only in the config file', async () => {
    await bus.sendMessages('fixture-topic', { body: { fanned: true }, messageId: 'topic-1' });
    const copies = await waitForFacts(host, 'sbTopic', 2, (f) => f.messageId === 'topic-1');
    expect(copies.map((f) => f.subscription).sort()).toEqual(['a', 'b']);
    const parked = await bus.peekMessages('fixture-topic/Subscriptions/unconsumed');
    expect(parked.map((m) => m.messageId)).toContain('topic-1');
  });

  it('When a worker dies while handling a message, then the message is redelivered after its lock expires, with the delivery counted', async () => {
    await bus.sendMessages('fixture-crash', { body: 'crash', messageId: 'crash-1' });
    const deliveries = await waitForFacts(host, 'sbCrash', 2, (f) => f.messageId === 'crash-1');
    const [first, second] = [...deliveries].sort(
      (a, b) => Number(a.deliveryCount) - Number(b.deliveryCount),
    ) as [Fact, Fact];
    expect([first.deliveryCount, second.deliveryCount]).toEqual([1, 2]);
    expect(Number(second.receivedAt)).toBeGreaterThan(Number(first.receivedAt));
    expect(host.logs().some((line) => line.includes('"workerExited"'))).toBe(true);
    await waitFor(async () => (await fetch(`${host.baseUrl}/api/health`)).status === 200, {
      what: 'health after the crash',
    });
  });
});
