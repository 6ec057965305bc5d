import { describe, expect, it } from 'vitest';

import {
  type NetworkConfigurationDocument,
  planSetNetworkConfiguration,
} from '../../../../shared/domain/management/set-network-configuration';
import {
  aNetworkSecurityGroup,
  anInventory,
  aRouteTable,
  aVirtualNetwork,
} from '../../../fixtures/classic-builders';

const inventory = anInventory({
  dnsServers: [{ name: 'dns1', address: '10.0.0.10' }],
  virtualNetworks: [
    aVirtualNetwork({ name: 'locked', dnsServerRefs: ['dns1'] }),
    aVirtualNetwork({ name: 'other', addressSpace: ['10.1.0.0/16'] }),
  ],
});
const documentOf = (overrides: Partial<NetworkConfigurationDocument> = {}): NetworkConfigurationDocument => ({
  dnsServers: inventory.dnsServers,
  localNetworkSites: inventory.localNetworkSites,
  virtualNetworks: inventory.virtualNetworks,
  ...overrides,
});
const plan = (document: NetworkConfigurationDocument) =>
  planSetNetworkConfiguration(inventory, document, inventory);
const targets = (document: NetworkConfigurationDocument) =>
  plan(document).lockTargets.map((t) => t.scope.name);

describe('planSetNetworkConfiguration', () => {
  it('When the document sends every VNet back unchanged (names in another case), then no VNet lock is consulted', () => {
    expect(
      targets(
        documentOf({
          virtualNetworks: inventory.virtualNetworks.map((s) => ({ ...s, name: s.name.toUpperCase() })),
        }),
      ),
    ).toEqual([]);
  });

  it('When a VNet changes, then only that VNet guards the write, with the Virtual Network text', () => {
    const changed = documentOf({
      virtualNetworks: [
        inventory.virtualNetworks[0]!,
        { ...inventory.virtualNetworks[1]!, addressSpace: ['10.9.0.0/16'] },
      ],
    });
    const result = plan(changed);
    expect(result.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'virtualNetwork', name: 'other' },
        'Virtual Network other is in the process of being migrated and hence cannot be changed',
      ],
    ]);
    expect(result.outcome).toMatchObject({
      ok: true,
      changed: { virtualNetworks: ['locked', 'other'], dnsServers: ['dns1'] },
    });
  });

  it('When the address of a DNS server a VNet references changes, then that VNet counts as changed', () => {
    expect(targets(documentOf({ dnsServers: [{ name: 'dns1', address: '10.0.0.11' }] }))).toEqual(['locked']);
  });

  it('When a subnet gains an NSG and another loses its route table, then both guard the write with their own texts after the VNets', () => {
    const withAssociations = anInventory({
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'Lonely' })],
      routeTables: [aRouteTable({ name: 'rt1' })],
      virtualNetworks: [
        aVirtualNetwork({ name: 'a' }),
        aVirtualNetwork({
          name: 'b',
          subnets: [{ name: 'S', addressPrefix: '10.0.0.0/24', routeTable: 'rt1' }],
        }),
      ],
    });
    const [a, b] = withAssociations.virtualNetworks;
    const document: NetworkConfigurationDocument = {
      dnsServers: [],
      localNetworkSites: [],
      virtualNetworks: [
        {
          ...a!,
          subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'lonely' }],
        },
        { ...b!, subnets: [{ name: 'S', addressPrefix: '10.0.0.0/24' }] },
      ],
    };
    const result = planSetNetworkConfiguration(withAssociations, document, withAssociations);
    expect(result.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'virtualNetwork', name: 'a' },
        'Virtual Network a is in the process of being migrated and hence cannot be changed',
      ],
      [
        { kind: 'virtualNetwork', name: 'b' },
        'Virtual Network b is in the process of being migrated and hence cannot be changed',
      ],
      [
        { kind: 'networkSecurityGroup', name: 'Lonely' },
        'NetworkSecurityGroup Lonely is in the process of being migrated and hence cannot be changed',
      ],
      [
        { kind: 'routeTable', name: 'rt1' },
        'RouteTable rt1 is in the process of being migrated and hence cannot be changed',
      ],
      [
        { kind: 'virtualNetwork', name: 'b' },
        'RouteTable rt1 is in the process of being migrated and hence cannot be changed',
      ],
    ]);
  });

  it('When the document leaves a VNet out, then that VNet guards the write and the removal is refused', () => {
    const result = plan(documentOf({ virtualNetworks: [inventory.virtualNetworks[1]!] }));
    expect(result.lockTargets.map((t) => t.scope.name)).toEqual(['locked']);
    expect(result.outcome).toMatchObject({
      ok: false,
      error: { code: 'BadRequest', message: expect.stringContaining("virtual network 'locked'") },
    });
  });
});
