import { describe, expect, it } from 'vitest';

import type { ArmResource } from '../../../../shared/domain/arm/arm-resource';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import { anInventory, aVirtualNetwork } from '../../../fixtures/classic-builders';
import { aLocalNetworkSite } from '../../../fixtures/classic-network-builders';
import { estate, translationInput, vnetEstate } from '../../../fixtures/translation-estates';
import { entry, prop, resource } from '../../../support/translation-lookups';

describe('virtual network translation', () => {
  const result = translateScope(translationInput(vnetEstate()));
  const vnet = resource(result, 'Microsoft.Network/virtualNetworks', 'Prod-VNet');

  it('When a VNet migrates, then it keeps its name, address space, subnets and DNS servers in <vnet>-Migrated', () => {
    expect(vnet.id).toContain('/resourceGroups/Prod-VNet-Migrated/');
    expect(vnet.location).toBe('westus');
    expect(prop(vnet, 'addressSpace')).toEqual({ addressPrefixes: ['10.1.0.0/16'] });
    expect(prop(vnet, 'dhcpOptions')).toEqual({ dnsServers: ['10.1.2.4'] });
    expect((prop(vnet, 'subnets') as { name: string }[]).map((s) => s.name)).toEqual([
      'FrontEnd',
      'BackEnd',
      'GatewaySubnet',
    ]);
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['Prod-VNet-Migrated', 'web-Migrated']);
  });

  it('When a subnet has an NSG and a route table, then their clones are associated with the ARM subnet', () => {
    const nsg = resource(result, 'Microsoft.Network/networkSecurityGroups', 'nsg1');
    const routeTable = resource(result, 'Microsoft.Network/routeTables', 'rt1');
    expect(prop(vnet, 'subnets.0.properties')).toEqual({
      addressPrefix: '10.1.0.0/24',
      networkSecurityGroup: { id: nsg.id },
      routeTable: { id: routeTable.id },
    });
    expect(prop(routeTable, 'routes')).toEqual([
      {
        name: 'to-fw',
        properties: {
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.1.4',
        },
      },
    ]);
    expect(entry(result, 'NetworkSecurityGroup', 'nsg1').note).toContain('Cloned');
  });

  it('When classic NSG rules use Classic tags and protocols, then the ARM rules use ARM spellings', () => {
    expect(
      prop(resource(result, 'Microsoft.Network/networkSecurityGroups', 'nsg1'), 'securityRules'),
    ).toEqual([
      {
        name: 'allow-rdp',
        properties: {
          protocol: 'Tcp',
          sourcePortRange: '*',
          destinationPortRange: '3389',
          sourceAddressPrefix: 'Internet',
          destinationAddressPrefix: '*',
          access: 'Allow',
          priority: 100,
          direction: 'Inbound',
        },
      },
    ]);
  });

  it('When the VNet has a VPN gateway, then <vnet>-Default-Gateway keeps the gateway VIP on its public IP, in GatewaySubnet', () => {
    const gateway = resource(result, 'Microsoft.Network/virtualNetworkGateways', 'Prod-VNet-Default-Gateway');
    const pip = resource(result, 'Microsoft.Network/publicIPAddresses', 'Prod-VNet-Default-Gateway-IP');
    expect(pip.properties).toMatchObject({ publicIPAllocationMethod: 'Dynamic', ipAddress: '40.0.0.1' });
    expect(gateway.properties).toMatchObject({
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: { name: 'HighPerformance', tier: 'HighPerformance' },
      vpnClientConfiguration: { vpnClientAddressPool: { addressPrefixes: ['172.16.0.0/24'] } },
      ipConfigurations: [
        {
          name: 'default',
          properties: { subnet: { id: `${vnet.id}/subnets/GatewaySubnet` }, publicIPAddress: { id: pip.id } },
        },
      ],
    });
  });

  it('When the gateway connects to an on-premises site, then a local network gateway and an IPsec connection are created', () => {
    const local = resource(result, 'Microsoft.Network/localNetworkGateways', 'onprem');
    expect(local.properties).toEqual({
      localNetworkAddressSpace: { addressPrefixes: ['192.168.0.0/16'] },
      gatewayIpAddress: '203.0.113.10',
    });
    const connection = resource(result, 'Microsoft.Network/connections', 'Prod-VNet-onprem');
    expect(connection.apiVersion).toBe('2016-03-30');
    expect(connection.properties).toMatchObject({
      connectionType: 'IPsec',
      localNetworkGateway2: { id: local.id },
      sharedKey: 'abc',
    });
  });

  it('When a local site stands for another VNet of the estate, then a Vnet2Vnet connection to its gateway replaces it', () => {
    const connection = resource(result, 'Microsoft.Network/connections', 'Prod-VNet-peer-site');
    expect(connection.properties).toMatchObject({
      connectionType: 'Vnet2Vnet',
      virtualNetworkGateway2: {
        id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Peer-VNet-Migrated/providers/Microsoft.Network/virtualNetworkGateways/Peer-VNet-Default-Gateway',
      },
    });
    expect(connection.properties).not.toHaveProperty('localNetworkGateway2');
    expect(result.resources.some((r) => r.name === 'peer-site')).toBe(false);
    expect(entry(result, 'LocalNetworkSite', 'peer-site')).toMatchObject({
      outcome: 'dropped',
      reason: expect.stringContaining('Vnet2Vnet'),
    });
  });

  it('When the peer VNet is already in Resource Manager, then the Vnet2Vnet connection points at its existing gateway', () => {
    const existingPip: ArmResource = {
      id: '/subscriptions/s/resourceGroups/peer/providers/Microsoft.Network/publicIPAddresses/gw-ip',
      name: 'gw-ip',
      type: 'Microsoft.Network/publicIPAddresses',
      apiVersion: '2016-09-01',
      location: 'westus',
      properties: { ipAddress: '198.51.100.7' },
    };
    const existingGateway: ArmResource = {
      id: '/subscriptions/s/resourceGroups/peer/providers/Microsoft.Network/virtualNetworkGateways/gw',
      name: 'gw',
      type: 'Microsoft.Network/virtualNetworkGateways',
      apiVersion: '2016-09-01',
      location: 'westus',
      properties: { ipConfigurations: [{ properties: { publicIPAddress: { id: existingPip.id } } }] },
    };
    const inventory = anInventory({
      virtualNetworks: [
        aVirtualNetwork({
          subnets: [{ name: 'GatewaySubnet', addressPrefix: '10.0.255.0/27' }],
          gateway: { vipAddress: '40.0.0.9', connections: [{ localNetworkSiteName: 'arm-peer' }] },
        }),
      ],
      localNetworkSites: [aLocalNetworkSite({ name: 'arm-peer', vpnGatewayAddress: '198.51.100.7' })],
    });
    const translated = translateScope(
      translationInput(estate(inventory, 'virtualNetwork', 'vnet1'), {
        existingArm: { resources: [existingPip, existingGateway] },
      }),
    );
    expect(
      prop(resource(translated, 'Microsoft.Network/connections', 'vnet1-arm-peer'), 'virtualNetworkGateway2'),
    ).toEqual({ id: existingGateway.id });
  });

  it('When the VNet has a gateway but no GatewaySubnet, then the gateway and its connections are refused', () => {
    const inventory = anInventory({
      virtualNetworks: [aVirtualNetwork({ gateway: { connections: [{ localNetworkSiteName: 'onprem' }] } })],
      localNetworkSites: [aLocalNetworkSite()],
    });
    const translated = translateScope(translationInput(estate(inventory, 'virtualNetwork', 'vnet1')));
    expect(entry(translated, 'VpnGateway', 'vnet1')).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('GatewaySubnet'),
    });
    expect(entry(translated, 'GatewayConnection', 'onprem').outcome).toBe('refused');
    expect(entry(translated, 'LocalNetworkSite', 'onprem').outcome).toBe('refused');
  });

  it('When a portal VNet is named "Group rg vnet" or has quotes, then the ARM names are sanitised and the Classic id uses the portal group', () => {
    const inventory = anInventory({
      virtualNetworks: [
        aVirtualNetwork({ name: 'Group my-rg Front End' }),
        aVirtualNetwork({ name: '"my vnet quoted"' }),
      ],
    });
    const portal = translateScope(
      translationInput(estate(inventory, 'virtualNetwork', 'Group my-rg Front End')),
    );
    expect(resource(portal, 'Microsoft.Network/virtualNetworks', 'Group-my-rg-Front-End').id).toContain(
      '/resourceGroups/Group-my-rg-Front-End-Migrated/',
    );
    expect(entry(portal, 'VirtualNetwork', 'Group my-rg Front End').classicId).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg/providers/Microsoft.ClassicNetwork/virtualNetworks/Front End',
    );
    expect(portal.namingErrors).toEqual([]);
    const quoted = translateScope(translationInput(estate(inventory, 'virtualNetwork', '"my vnet quoted"')));
    expect(quoted.resourceGroups.map((g) => g.name)).toEqual(['my-vnet-quoted-Migrated']);
  });
});
