/**
 * One dev host per end-to-end test file (started before its tests, stopped after), and a fresh
 * subscription seeded with the e2e estate per test, so tests sharing the host never see each other.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll } from 'vitest';

import { e2eEstate } from '../fixtures/e2e-estate';
import { type DevHost, startDevHost, type StartDevHostOptions } from './devhost';
import { MigrationApi, seedInventory } from './migration-api';

export interface E2eHost {
  /** The running dev host (available inside tests). */
  readonly host: DevHost;
  /** A new subscription holding the e2e estate, and a client of the JSON API for it. */
  freshEstate(): Promise<MigrationApi>;
}

export function useDevHost(options: StartDevHostOptions | (() => StartDevHostOptions) = {}): E2eHost {
  let host: DevHost | undefined;
  beforeAll(async () => {
    host = await startDevHost(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await host?.stop();
  });
  const running = (): DevHost => {
    if (!host) throw new Error('the dev host is not running (use it inside tests)');
    return host;
  };
  return {
    get host() {
      return running();
    },
    async freshEstate() {
      const api = new MigrationApi(running().baseUrl, randomUUID());
      await seedInventory(running().storageConnectionString, e2eEstate(api.subscriptionId));
      return api;
    },
  };
}
