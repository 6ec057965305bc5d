/**
 * Reading estate-facts documents by their content: each accepted shape gives the facts it states, in
 * either of its spellings (REST and `az … -o json`), and what is not a facts document is refused with a
 * code that says what to do.
 */
import { describe, expect, it } from 'vitest';

import { readFactDocument } from '../../../../shared/adapters/estate-facts';
import {
  alertRules,
  apiManagementServices,
  appServiceEnvironments,
  armVirtualNetworks,
  autoscaleSettings,
  blobListing,
  classicVnetId,
  dedicatedCircuits,
  expressRouteCircuits,
  gatewayConnections,
  hdInsightClusters,
  networkUsages,
  roleAssignments,
} from '../../../fixtures/estate-fact-documents';

const sub = '11111111-2222-3333-4444-555555555555';
const read = (document: unknown, context = {}) =>
  readFactDocument(typeof document === 'string' ? document : JSON.stringify(document), context);
const factsOf = (document: unknown, context = {}) => {
  const result = read(document, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('readFactDocument', () => {
  it('When an HDInsight list names a Classic VNet in every role, then one fact names the VNet and its resource group', () => {
    const { kind, facts } = factsOf(hdInsightClusters(sub, 'Prod-VNet'));
    expect(kind).toBe('Microsoft.HDInsight/clusters');
    expect(facts).toEqual([
      expect.objectContaining({
        kind: 'hdInsightCluster',
        resourceName: 'contoso-hadoop',
        virtualNetwork: { name: 'Prod-VNet', resourceGroup: 'Default-Networking' },
      }),
    ]);
  });

  it('When a resource is in an ARM VNet, then nothing is recorded for it and a note says so', () => {
    const ase = appServiceEnvironments(sub, 'x');
    ase.value[0]!.properties.virtualNetwork.id = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/x`;
    expect(factsOf(ase)).toMatchObject({
      facts: [],
      notes: ['contoso-ase is not in a Classic virtual network: nothing recorded for it.'],
    });
  });

  it('When API Management has only the Classic site id, then the fact names the VNet by site id', () => {
    const [service] = apiManagementServices(sub, 'Prod-VNet');
    const { subnetResourceId: _dropped, ...configuration } = service!.virtualNetworkConfiguration;
    expect(factsOf([{ ...service, virtualNetworkConfiguration: configuration }]).facts).toEqual([
      expect.objectContaining({ virtualNetwork: { siteId: '9c1f6a3e-2b4d-4e8f-a7c6-5d3b2a1f0e9d' } }),
    ]);
  });

  it('When az prints a peering flattened, then it is read like the REST shape', () => {
    const vnet = armVirtualNetworks(sub, 'Dev-VNet').value[0]!;
    const flattened = [{ ...vnet, properties: undefined, ...vnet.properties }];
    expect(factsOf(flattened).facts).toEqual([
      expect.objectContaining({
        kind: 'vnetPeering',
        remoteVirtualNetwork: 'contoso-arm-vnet',
        peeringState: 'Connected',
      }),
    ]);
  });

  it('When a REST role assignment names a built-in role by id only, then the role gets its name; an unknown one keeps its id', () => {
    const known = roleAssignments(sub, classicVnetId(sub, 'Prod-VNet'));
    const unknown = structuredClone(known);
    unknown.value[0]!.properties.roleDefinitionId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/0a1b2c3d-0000-4000-8000-000000000000`;
    expect(factsOf(known).facts[0]).toMatchObject({
      roleDefinitionName: 'Classic Network Contributor',
      principalType: 'Group',
    });
    expect(factsOf(unknown).facts[0]).toMatchObject({
      roleDefinitionName: '0a1b2c3d-0000-4000-8000-000000000000',
    });
  });

  it('When az prints usages with numbers as strings, then limits are read as numbers and the region comes from the context', () => {
    const az = [
      {
        currentValue: '12',
        limit: '100',
        localName: 'Total Regional vCPUs',
        name: { localizedValue: 'Total Regional vCPUs', value: 'cores' },
      },
    ];
    expect(factsOf(az, { location: 'northeurope' }).facts).toEqual([
      expect.objectContaining({
        kind: 'quota',
        location: 'northeurope',
        resource: 'cores',
        limit: 100,
        currentUsage: 12,
      }),
    ]);
  });

  it('When a Network usage carries its id, then its region is read from the id', () => {
    const { facts } = factsOf(networkUsages(sub, 'westus', 50, 3));
    expect(facts.map((fact) => (fact.kind === 'quota' ? `${fact.location}/${fact.resource}` : ''))).toContain(
      'westus/staticPublicIpAddresses',
    );
  });

  it('When a usage limit is not a number, then the document is invalid and the path names the value', () => {
    const usages = networkUsages(sub, 'westus', 50);
    (usages.value[1] as { limit: unknown }).limit = 'lots';
    expect(read(usages)).toMatchObject({
      ok: false,
      error: { code: 'InvalidFactDocument', path: '$.value[1].limit' },
    });
  });

  it('When an alert rule watches something other than a Classic VM, then it is noted and not recorded', () => {
    const rules = alertRules(sub, 'svc', 'vm1');
    rules.value[0]!.properties.condition.dataSource.resourceUri = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`;
    expect(factsOf(rules)).toMatchObject({
      facts: [],
      notes: ['Alert rule vm1-cpu does not watch a Classic VM: nothing recorded for it.'],
    });
  });

  it('When an autoscale setting targets a role of a staging slot, then the fact names the slot and the role', () => {
    const settings = autoscaleSettings(sub, 'svc', 'as1');
    settings.value[0]!.properties.targetResourceUri = `/subscriptions/${sub}/resourceGroups/svc/providers/Microsoft.ClassicCompute/domainNames/svc/slots/Staging/roles/WebRole1`;
    expect(factsOf(settings).facts[0]).toMatchObject({
      cloudService: 'svc',
      slot: 'Staging',
      target: 'WebRole1',
    });
  });

  it('When circuits come from Classic and from ARM, then only the ARM one is in Resource Manager, with its owner', () => {
    expect(factsOf(dedicatedCircuits('ABC', 'er1')).facts[0]).toMatchObject({
      serviceKey: 'abc',
      inResourceManager: false,
      location: 'Amsterdam',
    });
    expect(factsOf(expressRouteCircuits('owner-sub', 'abc', 'er1')).facts[0]).toMatchObject({
      inResourceManager: true,
      subscriptionId: 'owner-sub',
    });
  });

  it('When gateway connections give an unknown state, then the document is invalid at that element', () => {
    expect(read(gatewayConnections('HQ', 'Sideways'), { virtualNetworkName: 'v' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidFactDocument', path: '/Connections/Connection/ConnectivityState' },
    });
  });

  it('When a blob listing has a NextMarker, then it is a page: incomplete, with a note', () => {
    const page = blobListing('acct', 'vhds', '', [['a.vhd', 512]]).replace(
      '<NextMarker />',
      '<NextMarker>2!88!xyz</NextMarker>',
    );
    expect(factsOf(page)).toMatchObject({
      kind: 'EnumerationResults',
      facts: [
        { kind: 'vhdBlobListing', container: 'https://acct.blob.core.windows.net/vhds', complete: false },
      ],
      notes: ['The listing has a NextMarker (it is one page): missing blobs are not inferred from it.'],
    });
  });

  it('When the migration provider comes in an az provider list, then the registration is read from it', () => {
    const list = [
      { namespace: 'Microsoft.Compute', registrationState: 'Registered' },
      { namespace: 'Microsoft.ClassicInfrastructureMigrate', registrationState: 'NotRegistered' },
    ];
    expect(factsOf(list).facts).toEqual([
      expect.objectContaining({ kind: 'migrationRegistration', registrationState: 'NotRegistered' }),
    ]);
  });

  it.each([
    ['plain text', 'hello', 'UnrecognisedDocument'],
    ['broken JSON', '{"value": [', 'MalformedJson'],
    ['a JSON object of another kind', { name: 'x', kind: 'StorageV2' }, 'UnrecognisedDocument'],
    ['a list of unread types', [{ id: '/x', type: 'Microsoft.Web/sites' }], 'UnrecognisedDocument'],
    ['XML with another root', '<Invoice/>', 'UnrecognisedDocument'],
    ['XML with a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><Gateway/>', 'DtdNotAllowed'],
    [
      'links without their circuit',
      '<DedicatedCircuitLinks><DedicatedCircuitLink><VnetName>v</VnetName></DedicatedCircuitLink></DedicatedCircuitLinks>',
      'ServiceKeyRequired',
    ],
  ])('When the body is %s, then it is refused with %s', (_what, body, code) => {
    expect(read(body)).toMatchObject({ ok: false, error: { code } });
  });

  it('When the document is over the limit, then it is refused before it is parsed', () => {
    expect(readFactDocument(`[${'1,'.repeat(100)}1]`, {}, { maxBytes: 50 })).toMatchObject({
      ok: false,
      error: { code: 'DocumentTooLarge' },
    });
  });
});
