import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { DevHost } from '../support/devhost';
import { waitFor } from '../support/wait-for';
import { startFixtureHost } from './fixture-app';

interface CounterState {
  count: number;
  log: string[];
}

describe('dev host Durable entities (2 workers)', () => {
  let host: DevHost;
  let bus: LocalServiceBusClient;

  const signal = async (key: string, operation: string, input?: unknown) => {
    const response = await fetch(`${host.baseUrl}/counters/${key}/${operation}`, {
      method: 'POST',
      body: input === undefined ? undefined : JSON.stringify(input),
    });
    expect(response.status).toBe(202);
  };
  const read = async (key: string): Promise<CounterState | undefined> => {
    const response = await fetch(`${host.baseUrl}/counters/${key}`);
    return response.status === 200 ? ((await response.json()) as CounterState) : undefined;
  };
  const pendingSignals = async (key: string) =>
    (await bus.peekMessages('devhost-durable-entities', 1_000)).filter(
      (m) => m.sessionId === `@counter@${key}`,
    ).length;
  const waitForCount = (key: string, count: number) =>
    waitFor(
      async () => {
        const state = await read(key);
        return state && state.count >= count ? state : undefined;
      },
      { timeoutMs: 45_000, what: `counter '${key}' to reach ${count}` },
    );

  beforeAll(async () => {
    host = await startFixtureHost({ workers: 2 });
    bus = LocalServiceBusClient.fromConnectionString(host.storageConnectionString);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('When an entity was never signalled, then readEntityState reports it does not exist', async () => {
    expect((await fetch(`${host.baseUrl}/counters/never`)).status).toBe(404);
  });

  it('When operations are signalled one after another, then the entity applies them in that order', async () => {
    const tags = Array.from({ length: 15 }, (_, index) => `t${index}`);
    for (const tag of tags) await signal('ordered', 'add', { amount: 1, tag });
    const state = await waitForCount('ordered', tags.length);
    expect(state).toEqual({ count: tags.length, log: tags });
  });

  it('When two workers take many concurrent increment signals for one entity, then no update is lost or applied twice', async () => {
    const signals = 200;
    const parallel = 20;
    for (let sent = 0; sent < signals; sent += parallel) {
      await Promise.all(Array.from({ length: parallel }, () => signal('hammer', 'add', { amount: 1 })));
    }
    await waitFor(async () => (await pendingSignals('hammer')) === 0, {
      timeoutMs: 60_000,
      what: 'every hammer signal to be applied',
    });
    expect((await read('hammer'))?.count).toBe(signals);
  });

  it('When an operation throws after setState, then its state change is kept and the rest of the batch is applied', async () => {
    await signal('failing', 'add', { amount: 1 });
    await signal('failing', 'failAfterSet');
    await signal('failing', 'add', { amount: 1, tag: 'after' });
    const state = await waitForCount('failing', 2);
    expect(state).toEqual({ count: 2, log: ['beforeFailure', 'after'] });
    expect(host.logs().some((line) => line.includes('entityOperationFailed'))).toBe(true);
  });

  it('When an entity state outgrows one table property, then it is stored and read back whole', async () => {
    await signal('large', 'grow', { amount: 70_000 });
    await signal('large', 'add', { amount: 1 });
    const state = await waitForCount('large', 1);
    expect(state.log.map((entry) => entry.length)).toEqual([70_000]);
  });

  it('When an entity signals another entity, then the signal is delivered and applied', async () => {
    await signal('source', 'forward', { target: 'target', amount: 5 });
    expect(await waitForCount('target', 5)).toEqual({ count: 5, log: [] });
  });
});
