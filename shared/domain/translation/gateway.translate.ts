/**
 * A VNet's gateway, local network sites and connections → `virtualNetworkGateways` (named
 * `<vnet>-Default-Gateway`, D9) with a public IP that keeps the gateway's VIP (D8),
 * `localNetworkGateways` and `connections`; a local site standing for another VNet becomes a Vnet2Vnet
 * connection (vnet-peer-gateway.ts), an ExpressRoute gateway has its own file. Pure.
 */
import { findByName } from '../classic/names';
import type { VpnGateway } from '../classic/network.schema';
import type { VirtualNetworkScope } from '../scope/scope-contents';
import { childClassicId, localNetworkSiteClassicId } from './classic-ids';
import { translateExpressRouteGateway } from './express-route-gateway.translate';
import { account, addResource, isAccounted, type TranslationContext } from './translation-context';
import type { VirtualNetworkPlacement } from './virtual-network.translate';
import { addGateway, gatewayClassicId, gatewaySkus } from './vnet-gateway';
import { peerGatewayOf } from './vnet-peer-gateway';

/** Adds the VNet's gateways, local network gateways and connections, and accounts for them. */
export function translateGateways(
  ctx: TranslationContext,
  contents: VirtualNetworkScope,
  placement: VirtualNetworkPlacement,
): void {
  const vnet = contents.virtualNetwork;
  const classicId = gatewayClassicId(placement.classicId);
  const gatewaySubnetId = placement.subnetId('GatewaySubnet');
  const noSubnet = 'The VNet has no GatewaySubnet for the gateway';

  if (vnet.gateway) {
    if (gatewaySubnetId) translateVpnGateway(ctx, contents, placement, vnet.gateway, gatewaySubnetId);
    else refuseVpnGateway(ctx, contents, placement, vnet.gateway, noSubnet);
  }
  if (vnet.expressRouteGateway) {
    const reason = vnet.gateway
      ? 'A VNet with both an ExpressRoute and a VPN gateway cannot migrate (D8)'
      : gatewaySubnetId
        ? undefined
        : noSubnet;
    if (reason) {
      account(ctx, {
        classicId,
        classicType: 'ExpressRouteGateway',
        name: vnet.name,
        outcome: 'refused',
        armIds: [],
        reason,
      });
      for (const circuit of contents.expressRouteCircuits)
        account(ctx, {
          classicId: childClassicId(classicId, 'expressRouteCircuits', circuit.serviceKey),
          classicType: 'ExpressRouteCircuit',
          name: circuit.name,
          outcome: 'refused',
          armIds: [],
          reason,
        });
    } else if (gatewaySubnetId) translateExpressRouteGateway(ctx, contents, placement, gatewaySubnetId);
  }
  for (const site of contents.localNetworkSites) {
    const siteId = localNetworkSiteClassicId(ctx.subscriptionId, site);
    if (!isAccounted(ctx, 'LocalNetworkSite', siteId))
      account(ctx, {
        classicId: siteId,
        classicType: 'LocalNetworkSite',
        name: site.name,
        outcome: 'dropped',
        armIds: [],
        reason: "No connection of the VNet's gateway uses this local network site",
      });
  }
}

function translateVpnGateway(
  ctx: TranslationContext,
  contents: VirtualNetworkScope,
  placement: VirtualNetworkPlacement,
  gateway: VpnGateway,
  gatewaySubnetId: string,
): void {
  const vnet = contents.virtualNetwork;
  const sku = gatewaySkus[gateway.gatewaySize];
  const { gatewayId, publicIpId } = addGateway(
    ctx,
    placement,
    vnet,
    gatewaySubnetId,
    {
      gatewayType: 'Vpn',
      vpnType: gateway.gatewayType === 'StaticRouting' ? 'PolicyBased' : 'RouteBased',
      sku: { name: sku, tier: sku },
      ...(gateway.vpnClientAddressPool.length > 0
        ? {
            vpnClientConfiguration: {
              vpnClientAddressPool: { addressPrefixes: gateway.vpnClientAddressPool },
            },
          }
        : {}),
    },
    gateway.vipAddress,
  );
  const classicId = gatewayClassicId(placement.classicId);
  account(ctx, {
    classicId,
    classicType: 'VpnGateway',
    name: vnet.name,
    outcome: 'migrated',
    armIds: [gatewayId, publicIpId],
  });

  const localGatewayIds = new Map<string, string>();
  for (const connection of gateway.connections) {
    const connectionClassicId = childClassicId(classicId, 'connections', connection.localNetworkSiteName);
    const refuse = (reason: string) =>
      account(ctx, {
        classicId: connectionClassicId,
        classicType: 'GatewayConnection',
        name: connection.localNetworkSiteName,
        outcome: 'refused',
        armIds: [],
        reason,
      });
    const site =
      findByName(contents.localNetworkSites, connection.localNetworkSiteName) ??
      findByName(ctx.inventory.localNetworkSites, connection.localNetworkSiteName);
    if (connection.connectionType === 'Dedicated') {
      refuse('ExpressRoute (Dedicated) connections must be removed from ConnectionsToLocalNetwork (D9)');
      continue;
    }
    if (!site) {
      refuse(
        `Local network site ${connection.localNetworkSiteName} is not defined in the network configuration`,
      );
      continue;
    }
    const siteClassicId = localNetworkSiteClassicId(ctx.subscriptionId, site);
    const connectionRequest = {
      kind: 'connection' as const,
      classicId: connectionClassicId,
      principal: true,
      tokens: { vnet: vnet.name, localSite: site.name, name: site.name, location: placement.location },
    };
    const peer = peerGatewayOf(ctx, vnet, site);
    if (peer) {
      const connectionId = addResource(ctx, {
        request: connectionRequest,
        resourceGroup: placement.resourceGroup,
        type: 'Microsoft.Network/connections',
        location: placement.location,
        properties: {
          connectionType: 'Vnet2Vnet',
          virtualNetworkGateway1: { id: gatewayId },
          virtualNetworkGateway2: { id: peer.gatewayId },
          routingWeight: 0,
          ...(connection.sharedKey ? { sharedKey: connection.sharedKey } : {}),
        },
        dependsOn: [gatewayId, peer.gatewayId],
      });
      account(ctx, {
        classicId: connectionClassicId,
        classicType: 'GatewayConnection',
        name: site.name,
        outcome: 'migrated',
        armIds: [connectionId],
        note: `Vnet2Vnet to ${peer.description}`,
      });
      account(ctx, {
        classicId: siteClassicId,
        classicType: 'LocalNetworkSite',
        name: site.name,
        outcome: 'dropped',
        armIds: [],
        reason: `Stands for ${peer.description}; a Vnet2Vnet connection replaces it (D1, D8)`,
      });
      continue;
    }
    let localGatewayId = localGatewayIds.get(site.name.toLowerCase());
    if (!localGatewayId) {
      localGatewayId = addResource(ctx, {
        request: {
          kind: 'localNetworkGateway',
          classicId: siteClassicId,
          principal: true,
          tokens: { vnet: vnet.name, localSite: site.name, name: site.name, location: placement.location },
        },
        resourceGroup: placement.resourceGroup,
        type: 'Microsoft.Network/localNetworkGateways',
        location: placement.location,
        properties: {
          localNetworkAddressSpace: { addressPrefixes: site.addressSpace },
          ...(site.vpnGatewayAddress ? { gatewayIpAddress: site.vpnGatewayAddress } : {}),
        },
      });
      localGatewayIds.set(site.name.toLowerCase(), localGatewayId);
      account(ctx, {
        classicId: siteClassicId,
        classicType: 'LocalNetworkSite',
        name: site.name,
        outcome: 'migrated',
        armIds: [localGatewayId],
      });
    }
    const connectionId = addResource(ctx, {
      request: connectionRequest,
      resourceGroup: placement.resourceGroup,
      type: 'Microsoft.Network/connections',
      location: placement.location,
      properties: {
        connectionType: 'IPsec',
        virtualNetworkGateway1: { id: gatewayId },
        localNetworkGateway2: { id: localGatewayId },
        routingWeight: 0,
        ...(connection.sharedKey ? { sharedKey: connection.sharedKey } : {}),
      },
      dependsOn: [gatewayId, localGatewayId],
    });
    account(ctx, {
      classicId: connectionClassicId,
      classicType: 'GatewayConnection',
      name: site.name,
      outcome: 'migrated',
      armIds: [connectionId],
    });
  }
}

function refuseVpnGateway(
  ctx: TranslationContext,
  contents: VirtualNetworkScope,
  placement: VirtualNetworkPlacement,
  gateway: VpnGateway,
  reason: string,
): void {
  const classicId = gatewayClassicId(placement.classicId);
  account(ctx, {
    classicId,
    classicType: 'VpnGateway',
    name: contents.virtualNetwork.name,
    outcome: 'refused',
    armIds: [],
    reason,
  });
  for (const connection of gateway.connections) {
    account(ctx, {
      classicId: childClassicId(classicId, 'connections', connection.localNetworkSiteName),
      classicType: 'GatewayConnection',
      name: connection.localNetworkSiteName,
      outcome: 'refused',
      armIds: [],
      reason,
    });
    const site = findByName(contents.localNetworkSites, connection.localNetworkSiteName);
    if (site)
      account(ctx, {
        classicId: localNetworkSiteClassicId(ctx.subscriptionId, site),
        classicType: 'LocalNetworkSite',
        name: site.name,
        outcome: 'refused',
        armIds: [],
        reason,
      });
  }
}
