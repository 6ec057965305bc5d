/**
 * The dev host's Azure-like mode (`DEVHOST_FIDELITY=azure`) on the fixture app: client signals delayed,
 * unordered and sometimes applied twice; entity-to-entity signals in order; reads lagging behind the
 * stored state without going backwards; a session handler that outlives its lock loses it; over-long
 * Service Bus ids refused; the same seed making the same choices.
 */
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canonicalEntity } from '../../devhost/durable/entity-id';
import { entitySignalQueue } from '../../devhost/durable/entity-signals';
import { EntityStore, entityTable } from '../../devhost/durable/entity-store';
import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { DevHost } from '../support/devhost';
import { waitFor } from '../support/wait-for';
import { Fact, readFacts, startFixtureHost, waitForFacts } from './fixture-app';

interface CounterState {
  count: number;
  log: string[];
}

const seed = '20261206';
const azureEnv = {
  DEVHOST_FIDELITY: 'azure',
  DEVHOST_FIDELITY_SEED: seed,
  DEVHOST_FIDELITY_SIGNAL_DELAY_MS: '2000',
  // High enough that a run of a few signals surely has a duplicate.
  DEVHOST_FIDELITY_DUPLICATE_PROBABILITY: '0.5',
  DEVHOST_FIDELITY_STALE_READ_MS: '2500',
};
// maxAutoLockRenewalDuration 00:00:02, so a handler can outlive its (2 s) session lock.
const fidelityHostJson = 'test/fixtures/devhost-app/host.fidelity.json';

/** A client of the fixture's counter entity on one host. */
function counters(host: () => DevHost) {
  const signal = async (key: string, operation: string, input?: unknown) => {
    const response = await fetch(`${host().baseUrl}/counters/${key}/${operation}`, {
      method: 'POST',
      body: input === undefined ? undefined : JSON.stringify(input),
    });
    expect(response.status).toBe(202);
  };
  const read = async (key: string): Promise<CounterState | undefined> => {
    const response = await fetch(`${host().baseUrl}/counters/${key}`);
    return response.status === 200 ? ((await response.json()) as CounterState) : undefined;
  };
  return { signal, read };
}

describe('dev host Azure-like mode (2 workers)', () => {
  let host: DevHost;
  let bus: LocalServiceBusClient;
  let store: EntityStore;
  const { signal, read } = counters(() => host);

  /** The stored (freshest) state, read past the dev host's lagging readEntityState. */
  const stored = async (key: string): Promise<CounterState | undefined> => {
    const record = await store.read(canonicalEntity('counter', key));
    return record.exists && record.state ? (JSON.parse(record.state) as CounterState) : undefined;
  };
  /** Waits until no signal for the entities is pending and reads show what is stored. */
  const settled = (...keys: string[]) =>
    waitFor(
      async () => {
        const pending = await bus.peekMessages(entitySignalQueue, 1_000);
        if (pending.some((message) => keys.some((key) => message.sessionId === `@counter@${key}`)))
          return undefined;
        const states = await Promise.all(keys.map(async (key) => [await stored(key), await read(key)]));
        return states.every(([fresh, seen]) => fresh && seen && fresh.count === seen.count)
          ? states.map(([fresh]) => fresh as CounterState)
          : undefined;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        what: `signals to ${keys.join(', ')} to be applied and readable`,
      },
    );

  beforeAll(async () => {
    host = await startFixtureHost({ workers: 2, hostJson: fidelityHostJson, env: azureEnv });
    bus = LocalServiceBusClient.fromConnectionString(host.storageConnectionString);
    store = new EntityStore(
      TableClient.fromConnectionString(host.storageConnectionString, entityTable, {
        allowInsecureConnection: true,
      }),
    );
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('When it starts, then the start-up log names the mode and the seed', () => {
    expect(host.logs()).toContain(`Dev host fidelity: azure, seed: ${seed}`);
    const listening = host.logs().find((line) => line.includes('"event":"listening"'));
    expect(JSON.parse(listening ?? '{}')).toMatchObject({ fidelity: 'azure', seed: Number(seed) });
  });

  it('When two clients signal one entity, then the signals are applied out of send order, some of them twice', async () => {
    const tags = (client: string) => Array.from({ length: 10 }, (_, index) => `${client}${index}`);
    await Promise.all(
      ['a', 'b'].map(async (client) => {
        for (const tag of tags(client)) await signal('unordered', 'add', { amount: 1, tag });
      }),
    );
    const [state] = await settled('unordered');
    const log = state!.log;
    expect(new Set(log)).toEqual(new Set([...tags('a'), ...tags('b')]));
    // At least once: some signal was applied twice, and the reducer saw it twice.
    expect(log.length).toBeGreaterThan(20);
    expect(state!.count).toBe(log.length);
    // Not even one client's own signals keep their order (client signals are not sorted).
    const firstApplied = (client: string) => tags(client).map((tag) => log.indexOf(tag));
    const inSendOrder = (positions: number[]) =>
      positions.every((at, i) => i === 0 || at > positions[i - 1]!);
    expect(inSendOrder(firstApplied('a')) && inSendOrder(firstApplied('b'))).toBe(false);
  });

  it('When an entity signals another, then the target applies those signals once each, in the order they were sent', async () => {
    for (let index = 0; index < 8; index++) {
      await signal('sender', 'forward', { target: 'receiver', amount: 1, tag: `f${index}` });
    }
    const [sender, receiver] = await settled('sender', 'receiver');
    // The sender applied the (unordered, duplicated) client signals in some order; each application sent one
    // signal, and the receiver applied exactly those, in exactly that order.
    expect(sender!.log.length).toBeGreaterThanOrEqual(8);
    expect(receiver!.log).toEqual(sender!.log);
    expect(receiver!.count).toBe(sender!.log.length);
  });

  it('When an entity state changes, then reads lag behind it for a while and never go backwards', async () => {
    const seen: number[] = [];
    let staleReads = 0;
    for (let step = 1; step <= 4; step++) {
      await signal('lagging', 'add', { amount: 1, tag: `s${step}` });
      await waitFor(
        async () => {
          const fresh = (await stored('lagging'))?.count ?? 0;
          const answered = (await read('lagging'))?.count ?? 0;
          seen.push(answered);
          // The read came after the stored one: a smaller count is a stale answer.
          if (answered < fresh) staleReads++;
          return fresh >= step && answered === fresh;
        },
        { timeoutMs: 30_000, intervalMs: 50, what: `read ${step} to catch up with the stored state` },
      );
    }
    expect(staleReads).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('When a session handler outlives its lock, then another receiver gets the message with its delivery counted, and the first completion fails', async () => {
    await bus.sendMessages('fixture-slow-sessions', {
      body: { holdMs: 8_000 },
      messageId: 'slow-1',
      sessionId: 'slow-session',
    });
    const ends = await waitForFacts(
      host,
      'sbSlowSessionEnd',
      2,
      (fact) => fact.messageId === 'slow-1',
      60_000,
    );
    const byDelivery = (facts: Fact[], count: number) =>
      facts.find((fact) => Number(fact.deliveryCount) === count);
    const first = byDelivery(ends, 1);
    const second = byDelivery(ends, 2);
    expect(first && second).toBeTruthy();
    // Redelivered while the first handler still ran: the lock had expired, not been released.
    expect(Number(second!.startedAt)).toBeLessThan(Number(first!.endedAt));
    await waitFor(
      () =>
        host.logs().some((line) => line.includes('"event":"sessionLockLost"') && line.includes('slow-1')) ||
        undefined,
      { what: 'the failed completion of the first delivery' },
    );
    // Completed once, by the second delivery: nothing left, nothing dead-lettered, no third delivery.
    expect((await bus.peekMessages('fixture-slow-sessions')).map((m) => m.messageId)).not.toContain('slow-1');
    expect(await bus.peekDeadLetterMessages('fixture-slow-sessions')).toEqual([]);
    const starts = (await readFacts(host, 'sbSlowSessionStart')).filter((f) => f.messageId === 'slow-1');
    expect(starts.map((f) => Number(f.deliveryCount)).sort()).toEqual([1, 2]);
  }, 90_000);

  it('When a message or session id is longer than 128 characters, then the send is refused as Service Bus refuses it', async () => {
    const send = async (entity: string, message: { messageId?: string; sessionId?: string }) => {
      const response = await fetch(`${host.baseUrl}/servicebus/send/${entity}`, {
        method: 'POST',
        body: JSON.stringify({ ...message, body: { limits: true } }),
      });
      return { status: response.status, body: (await response.text()) || undefined };
    };
    expect(await send('fixture-plain', { messageId: 'm'.repeat(129) })).toEqual({
      status: 400,
      body: JSON.stringify({
        error: "Length of 'messageId' property on the message cannot be greater than 128 characters.",
      }),
    });
    expect(await send('fixture-sessions', { sessionId: 's'.repeat(129) })).toEqual({
      status: 400,
      body: JSON.stringify({
        error: "Length of 'sessionId' property on the message cannot be greater than 128 characters.",
      }),
    });
    const sessions = await bus.peekMessages('fixture-sessions', 1_000);
    expect(sessions.some((message) => message.sessionId === 's'.repeat(129))).toBe(false);
    // 128 is allowed.
    expect((await send('fixture-plain', { messageId: 'm'.repeat(128) })).status).toBe(202);
    await waitForFacts(host, 'sbPlain', 1, (fact) => fact.messageId === 'm'.repeat(128));
  });
});

describe('dev host Azure-like mode: the seed', () => {
  /** The delays and duplicates one host chose for twelve signals sent one after another. */
  const choicesOf = async (seedValue: string) => {
    const host = await startFixtureHost({
      hostJson: fidelityHostJson,
      env: { ...azureEnv, DEVHOST_FIDELITY_SEED: seedValue, DEVHOST_LOG_LEVEL: 'debug' },
    });
    try {
      const { signal } = counters(() => host);
      for (let index = 0; index < 12; index++) await signal('seeded', 'add', { amount: 1 });
      return host
        .logs()
        .filter((line) => line.includes('"event":"signalScheduled"'))
        .map((line) => JSON.parse(line) as { delayMs: number; duplicateDelayMs?: number })
        .map(({ delayMs, duplicateDelayMs }) => ({ delayMs, duplicateDelayMs }));
    } finally {
      await host.stop();
    }
  };

  it('When two hosts run with the same seed, then they make the same choices for the same signals', async () => {
    const first = await choicesOf('7');
    const second = await choicesOf('7');
    expect(first).toHaveLength(12);
    expect(second).toEqual(first);
    expect(first.some((choice) => choice.duplicateDelayMs !== undefined)).toBe(true);
  }, 120_000);
});
