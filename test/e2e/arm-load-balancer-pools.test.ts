/**
 * Load-balanced endpoint sets through the ARM read API, read by the real `@azure/arm-network` client over
 * HTTPS: after Prepare of a cloud service with sets `web` (two VMs) and `api` (one VM), the load balancer
 * has one backend pool per set and each NIC is in its own set's pool only. The estate is the authored
 * fixture of the golden translations (test/fixtures/authored/hostedservice-multi-set-lb.xml).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NetworkManagementClient } from '@azure/arm-network';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { importDocuments } from '../../shared/demo/import-documents';
import { classicInventorySchema } from '../../shared/domain/classic/inventory.schema';
import { type DevHost, startDevHost } from '../support/devhost';
import { MigrationApi, seedInventory } from '../support/migration-api';

/** Auth is off on the dev host; the client still insists on sending a bearer token. */
const credential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 'dev-host-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const fixture = 'test/fixtures/authored/hostedservice-multi-set-lb.xml';
const group = 'contoso-shop-Migrated';

let host: DevHost;
let api: MigrationApi;

beforeAll(async () => {
  host = await startDevHost({
    https: true,
    env: { DEVHOST_TLS_CERT: inject('tlsCertPath'), DEVHOST_TLS_KEY: inject('tlsKeyPath') },
  });
  api = new MigrationApi(host.baseUrl, randomUUID());
  const inventory = importDocuments(
    classicInventorySchema.parse({ subscription: { id: api.subscriptionId, registeredForMigration: true } }),
    [{ path: fixture, xml: readFileSync(join(__dirname, '../..', fixture), 'utf8') }],
  );
  await seedInventory(host.storageConnectionString, inventory);
  const prepared = await api.run('cloudService', 'contoso-shop', 'prepare');
  expect(prepared.status).toBe('Succeeded');
});
afterAll(async () => {
  await host?.stop();
});

function network(): NetworkManagementClient {
  const endpoint = host.httpsUrl;
  if (!endpoint) throw new Error('the dev host serves no HTTPS');
  return new NetworkManagementClient(credential, api.subscriptionId, {
    endpoint,
    retryOptions: { maxRetries: 0 },
  });
}

describe('load-balanced endpoint sets through the ARM read API', () => {
  it('When loadBalancers.get is called, then it shows one backend pool and one probe per endpoint set, each rule on its own pool', async () => {
    const lb = await network().loadBalancers.get(group, 'LB-contoso-shop');

    expect(lb.backendAddressPools?.map((pool) => pool.name)).toEqual(['web-pool', 'api-pool']);
    expect(lb.probes?.map((probe) => [probe.name, probe.protocol, probe.port])).toEqual([
      ['web-probe', 'Http', 80],
      ['api-probe', 'Tcp', 8443],
    ]);
    expect(
      lb.loadBalancingRules?.map((rule) => [
        rule.name,
        rule.frontendPort,
        rule.backendAddressPool?.id?.split('/').pop(),
        rule.probe?.id?.split('/').pop(),
      ]),
    ).toEqual([
      ['web', 80, 'web-pool', 'web-probe'],
      ['api', 8443, 'api-pool', 'api-probe'],
    ]);
  });

  it('When networkInterfaces.get is called for each VM, then each NIC is in its own set’s pool only, and keeps its NAT rule', async () => {
    const client = network();
    const membership: Record<string, (string | undefined)[]> = {};
    for (const vm of ['web1', 'web2', 'api1']) {
      const nic = await client.networkInterfaces.get(group, `${vm}-PrimaryNic`);
      const ipConfiguration = nic.ipConfigurations?.[0];
      membership[vm] = (ipConfiguration?.loadBalancerBackendAddressPools ?? []).map((pool) =>
        pool.id?.split('/').pop(),
      );
      expect(ipConfiguration?.loadBalancerInboundNatRules, vm).toHaveLength(1);
    }

    expect(membership).toEqual({ web1: ['web-pool'], web2: ['web-pool'], api1: ['api-pool'] });
  });
});
