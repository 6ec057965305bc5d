/**
 * A dev host running the product's functions, with what Service Management client tests need: the
 * Classic inventory seeded straight into its Azurite tables (as an import or the demo data would), real
 * `azure-asm-*` clients pointed at it, and subscription registration through the ARM endpoint.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll } from 'vitest';

import { TableClassicInventoryStore } from '../../shared/adapters/tables/table-classic-inventory.store';
import { TableService } from '../../shared/adapters/tables/table-service';
import type { ClassicInventory, ClassicInventoryInput } from '../../shared/domain/classic/inventory.schema';
import { anInventory } from '../fixtures/classic-builders';
import { anonymousCredentials, type AsmClients, asmClients } from './asm-clients';
import { type DevHost, startDevHost } from './devhost';

export interface ServiceManagementHost {
  host: DevHost;
  baseUrl: string;
  /** Writes the inventory (upsert by collection and name) into the host's Classic inventory table. */
  seed(inventory: ClassicInventory): Promise<void>;
  clients(subscriptionId: string): AsmClients;
  /**
   * A new subscription, registered for migration, holding `inventory` (with the builders' defaults: the
   * `teststorage` account the builders' disks live in); and clients for it.
   */
  subscriptionWith(
    inventory: Partial<ClassicInventoryInput>,
  ): Promise<AsmClients & { subscriptionId: string }>;
  /** `POST /subscriptions/{sub}/providers/Microsoft.ClassicInfrastructureMigrate/register`. */
  register(subscriptionId: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startServiceManagementHost(): Promise<ServiceManagementHost> {
  const host = await startDevHost();
  const store = new TableClassicInventoryStore(
    new TableService({ kind: 'connectionString', connectionString: host.storageConnectionString }),
  );
  return {
    host,
    baseUrl: host.baseUrl,
    seed: (inventory) => store.save(inventory),
    clients: (subscriptionId) => asmClients(host.baseUrl, anonymousCredentials(subscriptionId)),
    subscriptionWith: async (inventory) => {
      const subscriptionId = randomUUID();
      await store.save(
        anInventory({ ...inventory, subscription: { id: subscriptionId, registeredForMigration: true } }),
      );
      return { ...asmClients(host.baseUrl, anonymousCredentials(subscriptionId)), subscriptionId };
    },
    register: async (subscriptionId) => {
      const response = await fetch(
        `${host.baseUrl}/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/register?api-version=2016-09-01`,
        { method: 'POST' },
      );
      if (response.status !== 200)
        throw new Error(`register answered ${response.status}: ${await response.text()}`);
    },
    stop: async () => {
      await host.stop();
    },
  };
}

/**
 * One host per test file: started before its tests, stopped after them (call at the file's top level; use
 * the host inside tests and hooks). Tests share it, so each takes its own subscription.
 */
export function useServiceManagementHost(): Omit<ServiceManagementHost, 'stop'> {
  let sm: ServiceManagementHost | undefined;
  beforeAll(async () => {
    sm = await startServiceManagementHost();
  });
  afterAll(async () => {
    await sm?.stop();
  });
  const running = (): ServiceManagementHost => {
    if (!sm) throw new Error('the Service Management host is not running (use it inside tests)');
    return sm;
  };
  return {
    get host() {
      return running().host;
    },
    get baseUrl() {
      return running().baseUrl;
    },
    seed: (inventory) => running().seed(inventory),
    clients: (subscriptionId) => running().clients(subscriptionId),
    subscriptionWith: (inventory) => running().subscriptionWith(inventory),
    register: (subscriptionId) => running().register(subscriptionId),
  };
}
