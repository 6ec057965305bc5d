/**
 * The ARM read API, read by the real `@azure/arm-resources`, `@azure/arm-compute` and `@azure/arm-network`
 * clients over HTTPS (they refuse bearer tokens over plain http), while a VNet scope is Prepared.
 */
import { randomUUID } from 'node:crypto';

import { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
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
    env: { DEVHOST_TLS_CERT: inject('tlsCertPath'), DEVHOST_TLS_KEY: inject('tlsKeyPath') },
  });
  api = new MigrationApi(host.baseUrl, randomUUID());
  await seedInventory(host.storageConnectionString, e2eEstate(api.subscriptionId));
  const prepared = await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
  expect(prepared.status).toBe('Succeeded');
});
afterAll(async () => {
  await host?.stop();
});

function clients() {
  const endpoint = host.httpsUrl;
  if (!endpoint) throw new Error('the dev host serves no HTTPS');
  // Fast, few retries: a failure here is a bug, not a transient.
  const options = { endpoint, retryOptions: { maxRetries: 0 } };
  return {
    resources: new ResourceManagementClient(credential, api.subscriptionId, options),
    compute: new ComputeManagementClient(credential, api.subscriptionId, options),
    network: new NetworkManagementClient(credential, api.subscriptionId, options),
  };
}

describe('the ARM read API through the Azure SDK clients', () => {
  it('When resourceGroups.get and resources.listByResourceGroup are called, then the migrated groups and resources come back', async () => {
    const { resources } = clients();
    const group = await resources.resourceGroups.get('Prod-VNet-Migrated');
    expect(group).toMatchObject({
      name: 'Prod-VNet-Migrated',
      location: 'westeurope',
      properties: { provisioningState: 'Succeeded' },
    });
    const listed: string[] = [];
    for await (const resource of resources.resources.listByResourceGroup('contoso-web-Migrated'))
      listed.push(`${resource.type}/${resource.name}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'Microsoft.Compute/virtualMachines/web1',
        'Microsoft.Compute/virtualMachines/web2',
        'Microsoft.Compute/availabilitySets/web-as',
        'Microsoft.Network/loadBalancers/LB-contoso-web',
      ]),
    );
    const groups: string[] = [];
    for await (const g of resources.resourceGroups.list()) groups.push(g.name ?? '');
    expect(groups.sort()).toEqual(
      ['Prod-VNet-Migrated', 'contoso-app-Migrated', 'contoso-web-Migrated'].sort(),
    );
  });

  it('When virtualMachines.get is called, then the VM keeps its size, unmanaged disks and availability set', async () => {
    const { compute } = clients();
    const vm = await compute.virtualMachines.get('contoso-web-Migrated', 'web1');
    expect(vm.hardwareProfile?.vmSize).toBe('Standard_A2');
    expect(vm.storageProfile?.osDisk?.vhd?.uri).toBe(
      'https://contosovhds.blob.core.windows.net/vhds/web1-os.vhd',
    );
    expect(vm.storageProfile?.osDisk?.createOption).toBe('Attach');
    expect(vm.availabilitySet?.id).toMatch(/\/availabilitySets\/web-as$/i);
    expect(vm.osProfile?.computerName ?? '').toBe('');
  });

  it('When networkInterfaces, loadBalancers and virtualNetworks are read, then the network is as it was', async () => {
    const { network } = clients();
    const nic = await network.networkInterfaces.get('contoso-web-Migrated', 'web1-PrimaryNic');
    expect(nic.ipConfigurations?.[0]).toMatchObject({
      privateIPAddress: '10.1.1.11',
      privateIPAllocationMethod: 'Static',
    });
    const lb = await network.loadBalancers.get('contoso-web-Migrated', 'LB-contoso-web');
    expect(
      lb.loadBalancingRules?.map((rule) => ({
        frontendPort: rule.frontendPort,
        backendPort: rule.backendPort,
      })),
    ).toEqual([{ frontendPort: 443, backendPort: 443 }]);
    expect(lb.probes?.[0]).toMatchObject({ protocol: 'Http', port: 80, requestPath: '/health' });
    expect(lb.inboundNatRules?.map((rule) => rule.frontendPort).sort()).toEqual([50001, 50002]);
    const vnet = await network.virtualNetworks.get('Prod-VNet-Migrated', 'Prod-VNet');
    expect(vnet.addressSpace?.addressPrefixes).toEqual(['10.1.0.0/16']);
    expect(vnet.subnets?.find((subnet) => subnet.name === 'web')?.networkSecurityGroup?.id).toMatch(
      /networkSecurityGroups\/web-nsg$/,
    );
  });

  it('When a client tries to change a resource that is being migrated, then ARM-style refusal comes back', async () => {
    const { network } = clients();
    await expect(
      network.networkSecurityGroups.beginDeleteAndWait('Prod-VNet-Migrated', 'web-nsg'),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'OperationNotAllowed',
    });
  });

  it('When a resource does not exist, then the client sees ResourceNotFound', async () => {
    const { compute } = clients();
    await expect(compute.virtualMachines.get('contoso-web-Migrated', 'nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });
});
