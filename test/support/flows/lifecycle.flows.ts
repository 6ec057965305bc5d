/**
 * The lifecycle flows of the two scope kinds: validate → prepare → abort → prepare → commit, checking both
 * sides (the JSON API's status, the ARM read API) at each state. Moved here from
 * test/e2e/migration-flows.test.ts, which runs them as before; test/e2e/azure-fidelity.test.ts runs them
 * against the Azure-like dev host.
 */
import { expect } from 'vitest';

import type { E2eHost } from '../e2e-host';
import type { Flow } from './flow';

export const vnetLifecycle: Flow = {
  name: 'When validated, prepared, aborted, prepared again and committed, then both sides show each state',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();

    const validation = await api.run('virtualNetwork', 'Prod-VNet', 'validate');
    expect(validation).toMatchObject({ status: 'Succeeded', findings: [] });

    const prepared = await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    expect(prepared).toMatchObject({ status: 'Succeeded', resultingState: 'Prepared', dataPlaneEffects: [] });
    let status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status).toMatchObject({ state: 'Prepared', locked: true, arm: { source: 'written' } });
    expect(status.classic).toBeDefined();
    expect(
      status.mapping.some((entry) => entry.classicType === 'VirtualMachine' && entry.outcome === 'migrated'),
    ).toBe(true);
    // The ARM side, through the ARM read API.
    const group = await api.arm<{ name: string }>('/resourceGroups/Prod-VNet-Migrated');
    expect(group).toMatchObject({ status: 200, body: { name: 'Prod-VNet-Migrated' } });
    const vnet = await api.arm<{ properties: { subnets: { name: string }[] } }>(
      '/resourceGroups/Prod-VNet-Migrated/providers/Microsoft.Network/virtualNetworks/Prod-VNet',
    );
    expect(vnet.body.properties.subnets.map((subnet) => subnet.name).sort()).toEqual(['app', 'web']);
    const vm = await api.arm<{ properties: { networkProfile: { networkInterfaces: { id: string }[] } } }>(
      '/resourceGroups/contoso-web-Migrated/providers/Microsoft.Compute/virtualMachines/web1',
    );
    expect(vm.status).toBe(200);
    const nic = await fetch(
      `${e2e.host.baseUrl}${vm.body.properties.networkProfile.networkInterfaces[0]!.id}?api-version=2016-09-01`,
    );
    const nicBody = (await nic.json()) as {
      properties: { ipConfigurations: { properties: { privateIPAddress: string } }[] };
    };
    // A VNet migration keeps the running VMs' addresses.
    expect(nicBody.properties.ipConfigurations[0]?.properties.privateIPAddress).toBe('10.1.1.11');

    const aborted = await api.run('virtualNetwork', 'Prod-VNet', 'abort');
    expect(aborted).toMatchObject({ status: 'Succeeded', resultingState: 'None' });
    status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status).toMatchObject({ state: 'None', locked: false, arm: { source: 'planned' } });
    expect((await api.arm('/resourceGroups/Prod-VNet-Migrated')).status).toBe(404);
    expect((await api.arm<{ value: unknown[] }>('/resourceGroups')).body.value).toEqual([]);

    expect(await api.run('virtualNetwork', 'Prod-VNet', 'prepare')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
    const committed = await api.run('virtualNetwork', 'Prod-VNet', 'commit');
    expect(committed).toMatchObject({ status: 'Succeeded', resultingState: 'Committed' });
    expect(committed.classicResources).toEqual(
      expect.arrayContaining([
        { collection: 'virtualNetworks', name: 'Prod-VNet' },
        { collection: 'cloudServices', name: 'contoso-web' },
        { collection: 'cloudServices', name: 'contoso-app' },
      ]),
    );
    status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status).toMatchObject({ state: 'Committed', locked: false });
    expect(status.classic).toBeUndefined();
    expect(status.mapping.length).toBeGreaterThan(0);
    // The Classic side no longer holds it; the ARM side owns it.
    expect((await api.request('GET', '/api/exports/virtualNetworks/Prod-VNet/classic')).status).toBe(404);
    const list = await api.request<{ value: { name: string; state: string }[] }>(
      'GET',
      '/api/migrations?kind=virtualNetworks',
    );
    expect(list.body.value).toContainEqual(
      expect.objectContaining({ name: 'Prod-VNet', state: 'Committed' }),
    );
    const operations = status.history.operations.map((op) => op.operation);
    expect(operations).toEqual(['commit', 'prepare', 'abort', 'prepare', 'validate']);
  },
};

export const cloudServiceLifecycle: Flow = {
  name: 'When prepared into a new VNet, then its VMs restart with new internal IPs and the reserved VIP stays',
  async run(e2e: E2eHost) {
    const api = await e2e.freshEstate();
    const prepared = await api.run('cloudService', 'contoso-ftp', 'prepare');
    expect(prepared.status).toBe('Succeeded');
    expect(prepared.dataPlaneEffects).toEqual([
      {
        cloudService: 'contoso-ftp',
        virtualMachine: 'ftp1',
        actions: ['Stop', 'Deallocate', 'Start'],
        internalIp: { before: '100.64.0.20', after: '10.0.0.4' },
        vip: { before: '52.20.0.7', after: '52.20.0.7' },
      },
      {
        cloudService: 'contoso-ftp',
        virtualMachine: 'ftp2',
        actions: ['Stop', 'Deallocate', 'Start'],
        internalIp: { before: '100.64.0.21', after: '10.0.0.5' },
        vip: { before: '52.20.0.7', after: '52.20.0.7' },
      },
    ]);
    const pip = await api.arm<{ properties: { publicIPAllocationMethod: string; ipAddress: string } }>(
      '/resourceGroups/contoso-ftp-Migrated/providers/Microsoft.Network/publicIPAddresses/ftp-rip',
    );
    expect(pip.body.properties).toMatchObject({ publicIPAllocationMethod: 'Static', ipAddress: '52.20.0.7' });
    // The Classic side shows the restarted instances at their new addresses.
    const classic = (await api.status('cloudService', 'contoso-ftp')).classic as {
      cloudService: { deployments: { roleInstances: { ipAddress: string }[] }[] };
    };
    expect(classic.cloudService.deployments[0]?.roleInstances.map((instance) => instance.ipAddress)).toEqual([
      '10.0.0.4',
      '10.0.0.5',
    ]);

    expect(await api.run('cloudService', 'contoso-ftp', 'abort')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'None',
    });
    expect(await api.run('cloudService', 'contoso-ftp', 'prepare')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Prepared',
    });
    expect(await api.run('cloudService', 'contoso-ftp', 'commit')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Committed',
    });
  },
};
