/**
 * Facts Service Management XML does not carry, imported the way a user saves them (REST lists, `az … -o
 * json`, Service Management and Blob service XML) through the import use case, then validated: every
 * rule that depends on such a fact fires on the document that states it. The Classic side is the demo's
 * Contoso estate XML (no facts), in a subscription of each test's own, on the test run's Azurite.
 */
import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { estateDocuments } from '../../../shared/demo/demo-documents';
import { readDemoFile } from '../../../shared/demo/demo-files';
import { emptyInventory, importDocuments } from '../../../shared/demo/import-documents';
import type { ClassicInventory } from '../../../shared/domain/classic/inventory.schema';
import type { ScopeKind } from '../../../shared/domain/scope/scope';
import type { ValidationProfile } from '../../../shared/domain/validation/validation-profile';
import { analyseScopeInSlices } from '../../../shared/use-cases/analyse-scope';
import { importInventory, type ImportRequest } from '../../../shared/use-cases/import-inventory';
import { loadAndAnalyse } from '../../../shared/use-cases/load-analysis';
import { scopeStatus } from '../../../shared/use-cases/scope-status';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import {
  alertRules,
  apiManagementServices,
  applicationGateways,
  appServiceEnvironments,
  armVirtualNetworks,
  autoscaleSettings,
  blobListing,
  classicApplicationGateways,
  classicVnetId,
  computeUsages,
  dedicatedCircuitLinks,
  dedicatedCircuits,
  domainServices,
  expressRouteCircuits,
  gatewayConnections,
  hdInsightClusters,
  lcsEnvironments,
  migrationProvider,
  networkUsages,
  roleAssignments,
} from '../../fixtures/estate-fact-documents';
import { testServices } from '../../support/test-services';

const services = testServices();
const importedAt = '2026-01-02T03:04:05.000Z';
let template: ClassicInventory;

beforeAll(() => {
  template = importDocuments(
    emptyInventory('template'),
    estateDocuments.map((document) => ({ ...document, body: readDemoFile(document.path) })),
  );
});

/** A new registered subscription holding the Contoso estate's Service Management XML, nothing else. */
async function freshEstate(): Promise<string> {
  const subscriptionId = randomUUID();
  await services.classicInventory.save({
    ...template,
    subscription: { ...template.subscription, id: subscriptionId, registeredForMigration: true },
  });
  return subscriptionId;
}

async function importDocument(
  subscriptionId: string,
  document: unknown,
  context: Partial<Omit<ImportRequest, 'subscriptionId' | 'body' | 'importedAt'>> = {},
) {
  return importInventory(
    {
      classicInventory: services.classicInventory,
      defaultSubscriptionId: services.config.defaultSubscriptionId,
    },
    {
      subscriptionId,
      body: typeof document === 'string' ? document : JSON.stringify(document),
      importedAt,
      documentName: 'saved.json',
      ...context,
    },
  );
}

async function codesOf(
  subscriptionId: string,
  kind: ScopeKind,
  name: string,
  profile?: ValidationProfile,
): Promise<string[]> {
  const { analysis } = await loadAndAnalyse(
    services,
    analyseScopeInSlices,
    { subscriptionId, kind, name },
    profile ? { profile } : {},
    true,
  );
  return analysis.findings.map((finding) => finding.code);
}

async function messagesOf(
  subscriptionId: string,
  kind: ScopeKind,
  name: string,
  code: string,
): Promise<string[]> {
  const { analysis } = await loadAndAnalyse(
    services,
    analyseScopeInSlices,
    { subscriptionId, kind, name },
    {},
    true,
  );
  return analysis.findings.filter((finding) => finding.code === code).map((finding) => finding.message);
}

/** Imports `document` and expects `code` on the scope after it and not before. */
async function expectFiresAfterImport(
  scope: { kind: ScopeKind; name: string; profile?: ValidationProfile },
  code: string,
  document: (subscriptionId: string) => unknown,
  context: Partial<Omit<ImportRequest, 'subscriptionId' | 'body' | 'importedAt'>> = {},
): Promise<string> {
  const subscriptionId = await freshEstate();
  expect(await codesOf(subscriptionId, scope.kind, scope.name, scope.profile)).not.toContain(code);
  const result = await importDocument(subscriptionId, document(subscriptionId), context);
  expect(result).toMatchObject({ ok: true });
  expect(result.ok && result.facts).toBeGreaterThan(0);
  expect(await codesOf(subscriptionId, scope.kind, scope.name, scope.profile)).toContain(code);
  return subscriptionId;
}

const prodVnet = { kind: 'virtualNetwork', name: 'Prod-VNet' } as const;

describe('importing estate facts', () => {
  describe('services in a Classic VNet', () => {
    it('When an HDInsight cluster list names a Classic VNet, then validating it reports VNET_HDINSIGHT', async () => {
      await expectFiresAfterImport(prodVnet, 'VNET_HDINSIGHT', (id) => hdInsightClusters(id, 'Prod-VNet'));
    });

    it('When an App Service Environment list names a Classic VNet, then validating it reports VNET_APP_SERVICE_ENVIRONMENT', async () => {
      await expectFiresAfterImport(prodVnet, 'VNET_APP_SERVICE_ENVIRONMENT', (id) =>
        appServiceEnvironments(id, 'Prod-VNet'),
      );
    });

    it('When `az apim list` output puts a service in a Classic subnet, then validating the VNet reports VNET_API_MANAGEMENT', async () => {
      await expectFiresAfterImport(prodVnet, 'VNET_API_MANAGEMENT', (id) =>
        apiManagementServices(id, 'Prod-VNet'),
      );
    });

    it('When an application gateway list puts a gateway in a Classic subnet, then the finding names that gateway', async () => {
      const subscriptionId = await expectFiresAfterImport(prodVnet, 'VNET_APPLICATION_GATEWAY', (id) =>
        applicationGateways(id, 'Prod-VNet'),
      );
      expect(
        await messagesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet', 'VNET_APPLICATION_GATEWAY'),
      ).toEqual([
        'Migration is not supported for Virtual Network Prod-VNet because it has Application Gateway contoso-appgw.',
      ]);
    });

    it('When a Classic application gateway list names the VNet, then validating it reports VNET_APPLICATION_GATEWAY', async () => {
      await expectFiresAfterImport(prodVnet, 'VNET_APPLICATION_GATEWAY', () =>
        classicApplicationGateways('Prod-VNet'),
      );
    });

    it('When our LCS environments document names a VNet, then validating it reports VNET_DYNAMICS_LCS', async () => {
      await expectFiresAfterImport(prodVnet, 'VNET_DYNAMICS_LCS', () => lcsEnvironments('Prod-VNet'));
    });

    it('When a Domain Services list has a replica set in a Classic VNet, then the 2016 profile reports VNET_AZURE_AD_DOMAIN_SERVICES', async () => {
      await expectFiresAfterImport(
        { ...prodVnet, profile: 'preview-2016' },
        'VNET_AZURE_AD_DOMAIN_SERVICES',
        (id) => domainServices(id, 'Prod-VNet'),
      );
    });

    it('When a portal-created VNet is named by its short ARM name, then the fact finds the `Group <rg> <name>` site', async () => {
      const subscriptionId = randomUUID();
      const portalVnet = {
        ...template.virtualNetworks.find((v) => v.name === 'Prod-VNet')!,
        name: 'Group Contoso-RG Prod-VNet',
      };
      await services.classicInventory.save({
        ...template,
        subscription: { ...template.subscription, id: subscriptionId, registeredForMigration: true },
        virtualNetworks: [portalVnet],
        cloudServices: [],
      });
      const cluster = hdInsightClusters(subscriptionId, 'Prod-VNet');
      const json = JSON.stringify(cluster)
        .split(classicVnetId(subscriptionId, 'Prod-VNet'))
        .join(classicVnetId(subscriptionId, 'Prod-VNet', 'Contoso-RG'));
      expect(await importDocument(subscriptionId, json)).toMatchObject({ ok: true, facts: 1 });
      expect(await codesOf(subscriptionId, 'virtualNetwork', 'Group Contoso-RG Prod-VNet')).toContain(
        'VNET_HDINSIGHT',
      );
    });
  });

  it('When an ARM VNet list shows a peering with a Classic VNet, then validating the Classic VNet reports VNET_PEERING', async () => {
    const subscriptionId = await expectFiresAfterImport(prodVnet, 'VNET_PEERING', (id) =>
      armVirtualNetworks(id, 'Prod-VNet'),
    );
    expect(await messagesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet', 'VNET_PEERING')).toEqual([
      'Migration is not supported for Virtual Network Prod-VNet because it is peered with Virtual Network contoso-arm-vnet.',
    ]);
  });

  it('When a classic alert rule watches a Classic VM, then validating its VNet warns VM_ALERT_RULES_DROPPED', async () => {
    await expectFiresAfterImport(prodVnet, 'VM_ALERT_RULES_DROPPED', (id) =>
      alertRules(id, 'contoso-web', 'contoso-web01'),
    );
  });

  it('When an autoscale setting scales a cloud service availability set, then validating warns DEPLOYMENT_AUTOSCALE_DROPPED', async () => {
    await expectFiresAfterImport(prodVnet, 'DEPLOYMENT_AUTOSCALE_DROPPED', (id) =>
      autoscaleSettings(id, 'contoso-web', 'contoso-web-as'),
    );
  });

  it('When a REST role assignment list names a Classic VNet, then the finding names the built-in role its id stands for', async () => {
    const subscriptionId = await expectFiresAfterImport(prodVnet, 'CLASSIC_ROLE_ASSIGNMENT', (id) =>
      roleAssignments(id, classicVnetId(id, 'Prod-VNet')),
    );
    expect(
      (await messagesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet', 'CLASSIC_ROLE_ASSIGNMENT'))[0],
    ).toMatch(/^Role assignment Classic Network Contributor for 6a1b2c3d-/);
  });

  describe('quotas', () => {
    it.each([
      ['QUOTA_CORES', prodVnet],
      ['QUOTA_VIRTUAL_NETWORKS', prodVnet],
      ['QUOTA_NETWORK_INTERFACES', prodVnet],
      ['QUOTA_LOAD_BALANCERS', prodVnet],
      ['QUOTA_PUBLIC_IP_ADDRESSES', prodVnet],
      ['QUOTA_NETWORK_SECURITY_GROUPS', prodVnet],
      ['QUOTA_ROUTE_TABLES', prodVnet],
      ['QUOTA_STATIC_PUBLIC_IP_ADDRESSES', { kind: 'cloudService', name: 'contoso-marketing' } as const],
    ] as const)('When the West Europe usages leave nothing, then %s fires for %j', async (code, scope) => {
      const subscriptionId = await freshEstate();
      expect(await codesOf(subscriptionId, scope.kind, scope.name)).not.toContain(code);
      const compute = await importDocument(subscriptionId, computeUsages({ limit: 20, current: 20 }), {
        location: 'westeurope',
      });
      expect(compute).toMatchObject({ ok: true, kind: 'usages', facts: 1 });
      expect(compute.ok && compute.notes).toEqual(['1 usage(s) skipped: no quota rule checks them.']);
      expect(
        await importDocument(subscriptionId, networkUsages(subscriptionId, 'westeurope', 10)),
      ).toMatchObject({
        ok: true,
        facts: 7,
      });
      expect(await codesOf(subscriptionId, scope.kind, scope.name)).toContain(code);
    });

    it('When the usages leave room, then no quota rule fires', async () => {
      const subscriptionId = await freshEstate();
      await importDocument(subscriptionId, computeUsages({ limit: 100, current: 0 }), {
        location: 'westeurope',
      });
      await importDocument(subscriptionId, networkUsages(subscriptionId, 'westeurope', 100, 0));
      expect(
        (await codesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet')).filter((c) => c.startsWith('QUOTA_')),
      ).toEqual([]);
    });

    it('When a Compute usage list comes without its region, then it is refused asking for location and nothing is stored', async () => {
      const subscriptionId = await freshEstate();
      const before = await services.classicInventory.load(subscriptionId);
      const result = await importDocument(subscriptionId, computeUsages({ limit: 1, current: 1 }));
      expect(result).toMatchObject({ ok: false, error: { code: 'LocationRequired' } });
      expect(await services.classicInventory.load(subscriptionId)).toEqual(before);
    });
  });

  describe('ExpressRoute and gateways', () => {
    const serviceKey = 'C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E5F';

    it('When a Classic circuit is linked to a VNet, then the pre-flight reports EXPRESSROUTE_CIRCUIT_NOT_MIGRATED', async () => {
      const subscriptionId = await freshEstate();
      expect(await importDocument(subscriptionId, dedicatedCircuits(serviceKey, 'contoso-er'))).toMatchObject(
        {
          ok: true,
          kind: 'DedicatedCircuits',
        },
      );
      expect(await codesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet')).not.toContain(
        'EXPRESSROUTE_CIRCUIT_NOT_MIGRATED',
      );
      expect(
        await importDocument(subscriptionId, dedicatedCircuitLinks('Prod-VNet'), { serviceKey }),
      ).toMatchObject({
        ok: true,
        kind: 'DedicatedCircuitLinks',
      });
      expect(
        await messagesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet', 'EXPRESSROUTE_CIRCUIT_NOT_MIGRATED'),
      ).toEqual([
        'Migration is not supported for Virtual Network Prod-VNet because ExpressRoute circuit contoso-er is not migrated to Azure Resource Manager.',
      ]);
    });

    it('When the linked circuit is listed in ARM in another subscription, then EXPRESSROUTE_CIRCUIT_OTHER_SUBSCRIPTION fires and not NOT_MIGRATED', async () => {
      const owner = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
      const subscriptionId = await freshEstate();
      await importDocument(subscriptionId, dedicatedCircuitLinks('Prod-VNet'), { serviceKey });
      await importDocument(
        subscriptionId,
        expressRouteCircuits(owner, serviceKey.toLowerCase(), 'contoso-er'),
      );
      const codes = await codesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet');
      expect(codes).toContain('EXPRESSROUTE_CIRCUIT_OTHER_SUBSCRIPTION');
      expect(codes).not.toContain('EXPRESSROUTE_CIRCUIT_NOT_MIGRATED');
    });

    it('When a VNet with a site-to-site gateway is linked to a circuit, then VNET_EXPRESSROUTE_AND_VPN_GATEWAYS fires', async () => {
      await expectFiresAfterImport(
        { kind: 'virtualNetwork', name: 'Hub-VNet' },
        'VNET_EXPRESSROUTE_AND_VPN_GATEWAYS',
        () => dedicatedCircuitLinks('Hub-VNet'),
        { serviceKey },
      );
    });

    it('When the gateway connections list a connection as NotConnected, then the pre-flight reports GATEWAY_CONNECTION_DISCONNECTED', async () => {
      await expectFiresAfterImport(
        { kind: 'virtualNetwork', name: 'Hub-VNet' },
        'GATEWAY_CONNECTION_DISCONNECTED',
        () => gatewayConnections('Contoso-HQ', 'NotConnected'),
        { virtualNetworkName: 'Hub-VNet' },
      );
    });

    it('When a gateway document comes without its VNet, then it is refused asking for virtualNetwork', async () => {
      const subscriptionId = await freshEstate();
      expect(
        await importDocument(subscriptionId, gatewayConnections('Contoso-HQ', 'NotConnected')),
      ).toMatchObject({
        ok: false,
        error: { code: 'VirtualNetworkNameRequired' },
      });
    });
  });

  describe('VHD blobs', () => {
    const sqlBlobs = (dataSize: number): [string, number][] => [
      ['contoso-sql01-data.vhd', dataSize],
      ['contoso-sql01-log.vhd', 511 * 1024 ** 3 + 512],
      ['contoso-sql01-os.vhd', 127 * 1024 ** 3 + 512],
    ];

    it('When a blob listing shows a data disk blob smaller than the disk, then VM_DATA_DISK_SIZE_MISMATCH warns with both sizes', async () => {
      const subscriptionId = await expectFiresAfterImport(prodVnet, 'VM_DATA_DISK_SIZE_MISMATCH', () =>
        blobListing('contososqlprem', 'vhds', 'contoso-sql01', sqlBlobs(1000 * 1024 ** 3)),
      );
      expect(
        await messagesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet', 'VM_DATA_DISK_SIZE_MISMATCH'),
      ).toEqual([
        `Deployment contoso-sql in HostedService contoso-sql contains a VM contoso-sql01 with Data Disk contoso-sql01-data whose physical blob size ${1000 * 1024 ** 3} bytes does not match the VM Data Disk logical size ${1023 * 1024 ** 3} bytes. Migration will proceed without specifying a size for the data disk for the Azure Resource Manager VM.`,
      ]);
    });

    it('When a complete listing of the container lacks a data disk blob, then VM_DATA_DISK_INACCESSIBLE fires for that disk only', async () => {
      const subscriptionId = await expectFiresAfterImport(prodVnet, 'VM_DATA_DISK_INACCESSIBLE', () =>
        blobListing(
          'contososqlprem',
          'vhds',
          'contoso-sql01',
          sqlBlobs(1023 * 1024 ** 3 + 512).filter(([name]) => !name.includes('log')),
        ),
      );
      const messages = await messagesOf(
        subscriptionId,
        'virtualNetwork',
        'Prod-VNet',
        'VM_DATA_DISK_INACCESSIBLE',
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('contoso-sql01-log');
    });
  });

  it('When the provider document says Registered, then an unregistered subscription validates without the registration refusal', async () => {
    const subscriptionId = randomUUID();
    await services.classicInventory.save({
      ...template,
      subscription: { ...template.subscription, id: subscriptionId },
    });
    const scope = { subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' } as const;
    expect(
      (await loadAndAnalyse(services, analyseScopeInSlices, scope, {}, true)).analysis.refusal?.code,
    ).toBe('SUBSCRIPTION_NOT_REGISTERED');
    expect(
      await importDocument(subscriptionId, migrationProvider(subscriptionId, 'Registered')),
    ).toMatchObject({ ok: true });
    expect(
      (await loadAndAnalyse(services, analyseScopeInSlices, scope, {}, true)).analysis.refusal,
    ).toBeUndefined();
  });

  it('When a fact arrives before the VNet it names, then it applies once the VNet is imported', async () => {
    const subscriptionId = randomUUID();
    await services.classicInventory.save({
      ...emptyInventory(subscriptionId),
      subscription: { id: subscriptionId, registeredForMigration: true, quotas: [] },
    });
    expect(
      await importDocument(subscriptionId, hdInsightClusters(subscriptionId, 'Prod-VNet')),
    ).toMatchObject({ ok: true, facts: 1 });
    for (const document of estateDocuments.filter((d) => d.path.endsWith('netcfg.xml')))
      expect(await importDocument(subscriptionId, readDemoFile(document.path))).toMatchObject({
        ok: true,
        facts: 0,
      });
    expect(await codesOf(subscriptionId, 'virtualNetwork', 'Prod-VNet')).toContain('VNET_HDINSIGHT');
  });

  it('When an unrecognised document is imported, then it is refused saying what is accepted and the inventory is unchanged', async () => {
    const subscriptionId = await freshEstate();
    await importDocument(subscriptionId, hdInsightClusters(subscriptionId, 'Prod-VNet'));
    const before = await services.classicInventory.load(subscriptionId);
    const result = await importDocument(subscriptionId, {
      value: [{ id: '/x', type: 'Microsoft.Sql/servers' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'UnrecognisedDocument' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(
      /^The list holds resources of type Microsoft\.Sql\/servers, which no validation rule needs\. Nothing was imported\./,
    );
    expect(message).toContain('Microsoft.HDInsight/clusters');
    expect(message).toContain('HostedService');
    expect(await services.classicInventory.load(subscriptionId)).toEqual(before);
  });

  it('When the scope status is read, then its facts section lists the facts about the scope with their source and time', async () => {
    const subscriptionId = await freshEstate();
    await importDocument(subscriptionId, hdInsightClusters(subscriptionId, 'Prod-VNet'), {
      documentName: 'hdinsight.json',
    });
    const devCluster = JSON.stringify(hdInsightClusters(subscriptionId, 'Dev-VNet')).replace(
      /contoso-hadoop/g,
      'dev-hadoop',
    );
    await importDocument(subscriptionId, devCluster, { documentName: 'dev-hdinsight.json' });
    const status = await scopeStatus(services, new InMemoryScopeEntity(), {
      subscriptionId,
      kind: 'virtualNetwork',
      name: 'Prod-VNet',
    });
    expect(status.facts).toEqual([
      expect.objectContaining({
        kind: 'hdInsightCluster',
        resourceName: 'contoso-hadoop',
        virtualNetwork: { name: 'Prod-VNet', resourceGroup: 'Default-Networking' },
        source: { document: 'hdinsight.json', documentKind: 'Microsoft.HDInsight/clusters' },
        importedAt,
      }),
    ]);
  });
});
