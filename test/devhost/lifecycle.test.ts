import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { waitFor } from '../support/wait-for';
import { startFixtureHost } from './fixture-app';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('dev host lifecycle', () => {
  it('When the host restarts on the same DATA_DIR, then queued messages and entity state are still there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'devhost-persist-'));
    const first = await startFixtureHost({ dataDir });
    await LocalServiceBusClient.fromConnectionString(first.storageConnectionString).sendMessages(
      'fixture-parked',
      {
        body: { kept: true },
        messageId: 'parked-1',
      },
    );
    await fetch(`${first.baseUrl}/counters/persisted/add`, {
      method: 'POST',
      body: JSON.stringify({ amount: 3 }),
    });
    await waitFor(async () => (await fetch(`${first.baseUrl}/counters/persisted`)).status === 200, {
      what: 'the entity state',
    });
    expect(await first.stop()).toBe(0);

    const second = await startFixtureHost({ dataDir });
    try {
      const parked = await LocalServiceBusClient.fromConnectionString(
        second.storageConnectionString,
      ).peekMessages('fixture-parked');
      expect(parked.map((m) => ({ id: m.messageId, body: m.body }))).toEqual([
        { id: 'parked-1', body: { kept: true } },
      ]);
      const state = await fetch(`${second.baseUrl}/counters/persisted`);
      expect(await state.json()).toEqual({ count: 3, log: [] });
    } finally {
      await second.stop();
    }
  });

  it('When the host gets SIGTERM during a request, then the request completes, appTerminate runs, every process exits and the exit code is 0', async () => {
    const markers = mkdtempSync(join(tmpdir(), 'devhost-markers-'));
    const host = await startFixtureHost({ env: { FIXTURE_MARKER_DIR: markers } });
    const inFlight = fetch(`${host.baseUrl}/slow`, { method: 'POST' });
    await waitFor(() => readdirSync(markers).some((name) => name.startsWith('slowStarted-')), {
      what: 'the slow request to start',
    });
    const workerPid = Number(
      readdirSync(markers)
        .find((name) => name.startsWith('appStart-'))
        ?.split('-')[1],
    );

    const exitCode = await host.stop();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    expect(exitCode).toBe(0);
    expect(existsSync(join(markers, `appTerminate-${workerPid}`))).toBe(true);
    expect(isAlive(host.pid)).toBe(false);
    expect(isAlive(workerPid)).toBe(false);
    expect(host.azuritePid).toBeDefined();
    await waitFor(() => !isAlive(host.azuritePid!), { timeoutMs: 10_000, what: 'Azurite to exit' });
  });

  it('When the dev host is killed outright, then the Azurite it started stops by itself', async () => {
    const host = await startFixtureHost();
    await host.kill();
    await waitFor(() => !isAlive(host.azuritePid!), {
      timeoutMs: 15_000,
      what: 'Azurite to notice and exit',
    });
  });
});
