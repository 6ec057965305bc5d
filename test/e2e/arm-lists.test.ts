/**
 * The ARM read API's lists, read by the real `@azure/arm-resources`, `@azure/arm-compute` and
 * `@azure/arm-network` clients over HTTPS: typed `list(rg)` / `listAll()` for each migrated type, the
 * generic `resources.list` / `listByResourceGroup` with `$filter`, and paging. The dev host serves pages of
 * two (ARM_LIST_PAGE_SIZE=2), so every list below only completes if the clients follow nextLink.
 */
import { randomUUID } from 'node:crypto';

import { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import {
  type GenericResourceExpanded,
  getContinuationToken,
  ResourceManagementClient,
} from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { e2eEstate } from '../fixtures/e2e-estate';
import { type DevHost, startDevHost } from '../support/devhost';
import { MigrationApi, seedInventory } from '../support/migration-api';

/** Auth is off on the dev host; the clients still insist on sending a bearer token. */
const credential: TokenCredential = {
  getToken: () => Promise.resolve({ token: 'dev-host-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let host: DevHost;
let api: MigrationApi;

beforeAll(async () => {
  host = await startDevHost({
    https: true,
    env: {
      DEVHOST_TLS_CERT: inject('tlsCertPath'),
      DEVHOST_TLS_KEY: inject('tlsKeyPath'),
      ARM_LIST_PAGE_SIZE: '2',
    },
  });
  api = new MigrationApi(host.baseUrl, randomUUID());
  await seedInventory(host.storageConnectionString, e2eEstate(api.subscriptionId));
  expect((await api.run('virtualNetwork', 'Prod-VNet', 'prepare')).status).toBe('Succeeded');
  expect((await api.run('cloudService', 'contoso-ftp', 'prepare')).status).toBe('Succeeded');
});
afterAll(async () => {
  await host?.stop();
});

function clients() {
  const endpoint = host.httpsUrl;
  if (!endpoint) throw new Error('the dev host serves no HTTPS');
  const options = { endpoint, retryOptions: { maxRetries: 0 } };
  return {
    resources: new ResourceManagementClient(credential, api.subscriptionId, options),
    compute: new ComputeManagementClient(credential, api.subscriptionId, options),
    network: new NetworkManagementClient(credential, api.subscriptionId, options),
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const names = (items: { name?: string }[]) => items.map((item) => item.name ?? '').sort();

describe('typed lists through the SDK clients', () => {
  it('When networkInterfaces.list(rg) and listAll() are called, then every NIC comes back across pages, each as networkInterfaces.get returns it', async () => {
    const { network } = clients();
    const inWeb = await collect(network.networkInterfaces.list('contoso-web-Migrated'));
    expect(names(inWeb)).toEqual(['web1-PrimaryNic', 'web2-PrimaryNic']);
    expect(inWeb.find((nic) => nic.name === 'web1-PrimaryNic')).toEqual(
      await network.networkInterfaces.get('contoso-web-Migrated', 'web1-PrimaryNic'),
    );
    expect(names(await collect(network.networkInterfaces.listAll()))).toEqual([
      'app1-PrimaryNic',
      'ftp1-PrimaryNic',
      'ftp2-PrimaryNic',
      'web1-PrimaryNic',
      'web2-PrimaryNic',
    ]);
  });

  it('When loadBalancers.list(rg) and listAll() are called, then each cloud service’s load balancer comes back with its rules', async () => {
    const { network } = clients();
    const [web] = await collect(network.loadBalancers.list('contoso-web-Migrated'));
    expect(web?.name).toBe('LB-contoso-web');
    expect(web?.loadBalancingRules?.map((rule) => rule.frontendPort)).toEqual([443]);
    expect(names(await collect(network.loadBalancers.listAll()))).toEqual([
      'LB-contoso-app',
      'LB-contoso-ftp',
      'LB-contoso-web',
    ]);
  });

  it('When virtualMachines.list(rg) and listAll() are called, then every VM comes back as virtualMachines.get returns it', async () => {
    const { compute } = clients();
    const inWeb = await collect(compute.virtualMachines.list('contoso-web-Migrated'));
    expect(names(inWeb)).toEqual(['web1', 'web2']);
    const web1 = await compute.virtualMachines.get('contoso-web-Migrated', 'web1');
    expect(inWeb.find((vm) => vm.name === 'web1')).toEqual(web1);
    expect(web1.hardwareProfile?.vmSize).toBe('Standard_A2');
    expect(names(await collect(compute.virtualMachines.listAll()))).toEqual([
      'app1',
      'ftp1',
      'ftp2',
      'web1',
      'web2',
    ]);
  });

  it('When virtualNetworks, networkSecurityGroups and routeTables are listed, then the migrated network comes back', async () => {
    const { network } = clients();
    const [prod] = await collect(network.virtualNetworks.list('Prod-VNet-Migrated'));
    expect(prod?.addressSpace?.addressPrefixes).toEqual(['10.1.0.0/16']);
    expect(names(await collect(network.virtualNetworks.listAll()))).toEqual([
      'Prod-VNet',
      'VNet-contoso-ftp',
    ]);
    expect(names(await collect(network.networkSecurityGroups.list('Prod-VNet-Migrated')))).toEqual([
      'web-nsg',
    ]);
    expect(names(await collect(network.networkSecurityGroups.listAll()))).toEqual(['web-nsg']);
    expect(names(await collect(network.routeTables.listAll()))).toEqual(['app-rt']);
  });

  it('When publicIPAddresses.list(rg) and listAll() are called, then the reserved IP and the cloud services’ addresses come back', async () => {
    const { network } = clients();
    const [reserved] = await collect(network.publicIPAddresses.list('contoso-ftp-Migrated'));
    expect(reserved).toMatchObject({ name: 'ftp-rip', publicIPAllocationMethod: 'Static' });
    expect(names(await collect(network.publicIPAddresses.listAll()))).toEqual([
      'contoso-appContractContract',
      'contoso-webContractContract',
      'ftp-rip',
    ]);
  });

  it('When availabilitySets.list(rg) and listBySubscription() are called, then the availability set comes back', async () => {
    const { compute } = clients();
    expect(names(await collect(compute.availabilitySets.list('contoso-web-Migrated')))).toEqual(['web-as']);
    expect(names(await collect(compute.availabilitySets.listBySubscription()))).toEqual(['web-as']);
  });

  it('When a typed list names a resource group that does not exist, then the client sees ResourceGroupNotFound', async () => {
    const { network } = clients();
    await expect(collect(network.networkInterfaces.list('nope-Migrated'))).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
    });
  });
});

describe('generic lists with $filter through resources.list', () => {
  it.each([
    [
      "resourceType eq 'Microsoft.Network/networkInterfaces'",
      ['app1-PrimaryNic', 'ftp1-PrimaryNic', 'ftp2-PrimaryNic', 'web1-PrimaryNic', 'web2-PrimaryNic'],
    ],
    [
      "resourceGroup eq 'contoso-ftp-Migrated'",
      ['LB-contoso-ftp', 'VNet-contoso-ftp', 'ftp-rip', 'ftp1', 'ftp1-PrimaryNic', 'ftp2', 'ftp2-PrimaryNic'],
    ],
    ["name eq 'ftp-rip'", ['ftp-rip']],
    [
      "substringof('web', name)",
      [
        'LB-contoso-web',
        'contoso-webContractContract',
        'web-as',
        'web-nsg',
        'web1',
        'web1-PrimaryNic',
        'web2',
        'web2-PrimaryNic',
      ],
    ],
    ["resourceType eq 'Microsoft.Compute/virtualMachines' and substringof('ftp', name)", ['ftp1', 'ftp2']],
  ])(
    'When resources.list({ filter: %s }) is called, then exactly the matching resources come back',
    async (filter, expected) => {
      const { resources } = clients();
      expect(names(await collect(resources.resources.list({ filter })))).toEqual([...expected].sort());
    },
  );

  it('When resources.listByResourceGroup is called with a filter, then it applies inside the group', async () => {
    const { resources } = clients();
    const vms = await collect(
      resources.resources.listByResourceGroup('contoso-web-Migrated', {
        filter: "resourceType eq 'Microsoft.Compute/virtualMachines'",
      }),
    );
    expect(vms.map((vm) => `${vm.type}/${vm.name}`).sort()).toEqual([
      'Microsoft.Compute/virtualMachines/web1',
      'Microsoft.Compute/virtualMachines/web2',
    ]);
  });

  it('When the filter is one ARM does not take, then the client sees 400 InvalidFilterInQueryString', async () => {
    const { resources } = clients();
    await expect(
      collect(resources.resources.list({ filter: "startswith(resourceType, 'Microsoft.Network')" })),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidFilterInQueryString' });
  });
});

describe('paging through nextLink', () => {
  it('When the subscription holds more resources than a page, then resources.list pages by nextLink over every resource group, and a page’s token resumes the list', async () => {
    const { resources } = clients();
    const pages: GenericResourceExpanded[][] = [];
    for await (const page of resources.resources.list().byPage()) pages.push(page);
    const all = pages.flat();
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.length <= 2)).toBe(true);

    // The subscription-wide list is the union of every group's list, each resource once.
    const byGroup: string[] = [];
    for await (const group of resources.resourceGroups.list())
      for await (const resource of resources.resources.listByResourceGroup(group.name ?? ''))
        byGroup.push(resource.id ?? '');
    expect(byGroup.length).toBeGreaterThan(2);
    expect(all.map((resource) => resource.id).sort()).toEqual(byGroup.sort());

    // nextLink is absolute (https, this host) with an opaque $skipToken, and it resumes where the page ended.
    const first = pages[0]!;
    const token = getContinuationToken(first);
    expect(token).toBeDefined();
    const link = new URL(token ?? '');
    expect(`${link.protocol}//${link.host}`).toBe(new URL(host.httpsUrl ?? '').origin);
    expect(link.searchParams.get('$skipToken')).toBeTruthy();
    const resumed: GenericResourceExpanded[] = [];
    for await (const page of resources.resources.list().byPage({ continuationToken: token }))
      resumed.push(...page);
    expect(names(resumed)).toEqual(names(all.slice(first.length)));
  });

  it('When $top is given, then it sizes the pages and the list still reaches every resource', async () => {
    const { resources } = clients();
    const pages: GenericResourceExpanded[][] = [];
    for await (const page of resources.resources.list({ top: 5 }).byPage()) pages.push(page);
    expect(pages[0]).toHaveLength(5);
    expect(pages.flat()).toHaveLength((await collect(resources.resources.list())).length);
  });
});
