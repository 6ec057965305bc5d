/**
 * What the VPN and ExpressRoute gateway translations share: the gateway's Classic ID, its ARM name and ID
 * (`<vnet>-Default-Gateway`, D9) and the gateway resource with its public IP, which keeps the Classic
 * gateway VIP (D8). Pure.
 */
import type { VirtualNetworkSite } from '../classic/network.schema';
import { addPublicIp } from './public-ip.translate';
import { addResource, nameResource, type TranslationContext } from './translation-context';
import { type VirtualNetworkPlacement, virtualNetworkPlacement } from './virtual-network.translate';

/** Classic gateway sizes → ARM SKUs (Default was the Basic gateway). */
export const gatewaySkus = {
  Default: 'Basic',
  HighPerformance: 'HighPerformance',
  UltraPerformance: 'UltraPerformance',
};

export function gatewayClassicId(vnetClassicId: string): string {
  return `${vnetClassicId}/gateway`;
}

/** The name and ID a VNet's gateway gets (whether or not it is translated here). */
export function gatewayArmId(ctx: TranslationContext, vnet: VirtualNetworkSite): string {
  const placement = virtualNetworkPlacement(ctx, vnet);
  return nameResource(
    ctx,
    {
      kind: 'virtualNetworkGateway',
      classicId: gatewayClassicId(placement.classicId),
      principal: true,
      tokens: { vnet: vnet.name, name: vnet.name, location: placement.location },
    },
    placement.resourceGroup,
    'Microsoft.Network/virtualNetworkGateways',
  ).id;
}

/** Adds the gateway and its public IP to the VNet's group. */
export function addGateway(
  ctx: TranslationContext,
  placement: VirtualNetworkPlacement,
  vnet: VirtualNetworkSite,
  gatewaySubnetId: string,
  properties: Record<string, unknown>,
  vipAddress: string | undefined,
): { gatewayId: string; publicIpId: string } {
  const classicId = gatewayClassicId(placement.classicId);
  const tokens = { vnet: vnet.name, name: vnet.name, location: placement.location };
  const publicIpId = addPublicIp(ctx, {
    request: { kind: 'gatewayPublicIp', classicId, tokens },
    resourceGroup: placement.resourceGroup,
    location: placement.location,
    // ARM VPN gateways of that era take a Dynamic public IP; the address itself is kept (D8).
    allocation: 'Dynamic',
    ipAddress: vipAddress,
  });
  const gatewayId = addResource(ctx, {
    request: { kind: 'virtualNetworkGateway', classicId, principal: true, tokens },
    resourceGroup: placement.resourceGroup,
    type: 'Microsoft.Network/virtualNetworkGateways',
    location: placement.location,
    properties: {
      ipConfigurations: [
        {
          name: 'default',
          properties: {
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: gatewaySubnetId },
            publicIPAddress: { id: publicIpId },
          },
        },
      ],
      enableBgp: false,
      ...properties,
    },
    dependsOn: [publicIpId, placement.id],
  });
  return { gatewayId, publicIpId };
}
