/**
 * Folding imported documents into a subscription's inventory: replace by name, never delete, and keep
 * what a listing did not describe.
 */
import { describe, expect, it } from 'vitest';

import { mergeInventory } from '../../../../shared/adapters/service-management/merge-inventory';
import { persistentVmRoleSchema } from '../../../../shared/domain/classic/compute.schema';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  aNetworkSecurityGroup,
  anInventory,
  aRouteTable,
  aStorageAccount,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';
import { parseSample, sampleFiles } from './fixtures';

describe('When a document is merged into an inventory', () => {
  it('then a same-named resource is replaced in place, case-insensitively, and new ones are appended', () => {
    const inventory = anInventory({
      virtualNetworks: [aVirtualNetwork({ name: 'VNet-A' }), aVirtualNetwork({ name: 'vnet-b' })],
    });
    const merged = mergeInventory(inventory, {
      virtualNetworks: [
        aVirtualNetwork({ name: 'vnet-a', addressSpace: ['10.9.0.0/16'] }),
        aVirtualNetwork({ name: 'vnet-c' }),
      ],
    });
    expect(merged.virtualNetworks.map((v) => [v.name, v.addressSpace])).toEqual([
      ['vnet-a', ['10.9.0.0/16']],
      ['vnet-b', ['10.0.0.0/16']],
      ['vnet-c', ['10.0.0.0/16']],
    ]);
  });

  it('then nothing is deleted and the inputs are not mutated', () => {
    const inventory = anInventory({
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'other' })],
    });
    const before = structuredClone(inventory);
    const merged = mergeInventory(inventory, {
      storageAccounts: [aStorageAccount({ accountType: 'Premium_LRS' })],
    });
    expect(merged.storageAccounts.map((s) => [s.name, s.accountType])).toEqual([
      ['teststorage', 'Premium_LRS'],
      ['other', 'Standard_GRS'],
    ]);
    expect(inventory).toEqual(before);
    expect(merged.subscription).toBe(inventory.subscription);
  });

  it('then the recorded netcfg adds its 23 VNets, local sites and DNS servers', () => {
    const merged = mergeInventory(anInventory(), parseSample(sampleFiles.netcfg).inventoryPart);
    expect([
      merged.virtualNetworks.length,
      merged.localNetworkSites.length,
      merged.dnsServers.length,
    ]).toEqual([23, 2, 2]);
  });

  it('then a HostedService with embed-detail replaces the service and its deployments', () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ name: 'dcoddkinztest01' })] });
    const merged = mergeInventory(inventory, parseSample(sampleFiles.hostedService).inventoryPart);
    expect(merged.cloudServices).toHaveLength(1);
    expect(merged.cloudServices[0]?.deployments.map((d) => d.name)).toEqual(['dc03']);
  });

  it('then a listing without deployments keeps the deployments already known', () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ name: 'svc1' })] });
    const listed = aCloudService({ name: 'SVC1', deployments: [], label: 'from the listing' });
    const merged = mergeInventory(inventory, {
      cloudServices: [listed],
      cloudServicesWithoutDeployments: ['SVC1'],
    });
    expect(merged.cloudServices[0]?.label).toBe('from the listing');
    expect(merged.cloudServices[0]?.deployments.map((d) => d.name)).toEqual(['svc1']);
  });

  it('then a bare Deployment replaces the one with its name, else the one in its slot, else is added', () => {
    const inventory = anInventory({
      cloudServices: [
        aCloudService({ name: 'svc1', deployments: [aDeployment({ name: 'old', slot: 'Production' })] }),
      ],
    });
    const sameSlot = mergeInventory(inventory, {
      deployments: [
        { cloudServiceName: 'svc1', deployment: aDeployment({ name: 'new', slot: 'Production' }) },
      ],
    });
    expect(sameSlot.cloudServices[0]?.deployments.map((d) => d.name)).toEqual(['new']);
    const staging = mergeInventory(inventory, {
      deployments: [
        { cloudServiceName: 'svc1', deployment: aDeployment({ name: 'stage', slot: 'Staging' }) },
      ],
    });
    expect(staging.cloudServices[0]?.deployments.map((d) => d.name)).toEqual(['old', 'stage']);
  });

  it('then a bare Deployment of an unknown cloud service creates that service', () => {
    const part = parseSample(sampleFiles.probeDeployment).inventoryPart;
    const merged = mergeInventory(anInventory(), part);
    expect(merged.cloudServices.map((s) => [s.name, s.deployments.map((d) => d.name)])).toEqual([
      ['ClitestVm8365', ['ClitestVm8365']],
    ]);
  });

  it('then NSGs listed without rules and route tables without routes keep theirs', () => {
    const inventory = anInventory({
      networkSecurityGroups: [aNetworkSecurityGroup()],
      routeTables: [aRouteTable()],
    });
    const merged = mergeInventory(inventory, {
      networkSecurityGroups: [aNetworkSecurityGroup({ rules: [], label: 'listed' })],
      networkSecurityGroupsWithoutRules: ['nsg1'],
      routeTables: [aRouteTable({ routes: [] })],
      routeTablesWithoutRoutes: ['RT1'],
    });
    expect(merged.networkSecurityGroups[0]).toMatchObject({
      label: 'listed',
      rules: [{ name: 'allow-rdp' }],
    });
    expect(merged.routeTables[0]?.routes).toHaveLength(1);
  });

  it('then facts Service Management never returns are carried over from the replaced resource', () => {
    const role = persistentVmRoleSchema.parse({
      ...aVmRole({ name: 'vm1' }),
      alertRules: [{ name: 'cpu' }],
      dataDisks: [aDataDisk({ lun: 0, blobSizeBytes: 1024, mediaLinkAccessible: false })],
    });
    const inventory = anInventory({
      cloudServices: [
        aCloudService({
          name: 'svc1',
          resourceGroup: 'Default-Networking',
          certificates: [{ thumbprint: 'ABC', thumbprintAlgorithm: 'sha1' }],
          deployments: [aDeployment({ name: 'svc1', regionalScope: false, roles: [role] })],
        }),
      ],
      virtualNetworks: [aVirtualNetwork({ peerings: ['other'], hosts: { hdInsight: true } })],
    });
    const merged = mergeInventory(inventory, {
      cloudServices: [
        aCloudService({
          name: 'svc1',
          deployments: [
            aDeployment({
              name: 'svc1',
              roles: [aVmRole({ name: 'vm1', dataDisks: [aDataDisk({ lun: 0 })] })],
            }),
          ],
        }),
      ],
      virtualNetworks: [aVirtualNetwork()],
    });
    const service = merged.cloudServices[0]!;
    expect(service.resourceGroup).toBe('Default-Networking');
    expect(service.certificates).toEqual([{ thumbprint: 'ABC', thumbprintAlgorithm: 'sha1' }]);
    expect(service.deployments[0]?.regionalScope).toBe(false);
    expect(service.deployments[0]?.roles[0]).toMatchObject({
      alertRules: [{ name: 'cpu' }],
      dataDisks: [{ lun: 0, blobSizeBytes: 1024, mediaLinkAccessible: false }],
    });
    expect(merged.virtualNetworks[0]).toMatchObject({ peerings: ['other'], hosts: { hdInsight: true } });
  });
});
