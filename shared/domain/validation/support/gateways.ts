/**
 * What kind of gateway a Classic VNet has. The model keeps a VPN gateway (`gateway`, whose connections
 * may include ExpressRoute `Dedicated` links in netcfg) and an ExpressRoute gateway apart. Pure.
 */
import type { VirtualNetworkSite } from '../../classic/network.schema';

export function hasExpressRouteGateway(vnet: VirtualNetworkSite): boolean {
  return (
    vnet.expressRouteGateway !== undefined ||
    (vnet.gateway?.connections ?? []).some((connection) => connection.connectionType === 'Dedicated')
  );
}

/** A VPN gateway: a gateway that is not solely an ExpressRoute link. */
export function hasVpnGateway(vnet: VirtualNetworkSite): boolean {
  const gateway = vnet.gateway;
  if (gateway === undefined) return false;
  const connections = gateway.connections;
  return connections.length === 0 || connections.some((connection) => connection.connectionType === 'IPsec');
}
