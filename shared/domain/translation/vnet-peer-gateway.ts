/**
 * Vnet2Vnet collapse (D1, D8): Classic VNet-to-VNet used a local site standing for the other VNet plus an
 * IPsec tunnel on each side; ARM uses a `Vnet2Vnet` connection between the two gateways and no local
 * gateway. A local site stands for another VNet when its VPN gateway address is that VNet's gateway VIP
 * (or, with no address, when its address space equals that VNet's). The peer's gateway ID is the one
 * Resource Manager already has (from `existingArm`, matched by public IP address) or, while the peer is
 * still Classic, the ID its own migration will give it under the same naming policy (our choice: Azure
 * documents the collapse, not the order; the second migration completes the pair). Pure.
 */
import type { ArmResource } from '../arm/arm-resource';
import { sameName } from '../classic/names';
import type { LocalNetworkSite, VirtualNetworkSite } from '../classic/network.schema';
import { virtualNetworkClassicId } from './classic-ids';
import type { TranslationContext } from './translation-context';
import { gatewayArmId } from './vnet-gateway';

/** The gateway at the other end when a local site stands for another VNet; undefined when it stands for none. */
export function peerGatewayOf(
  ctx: TranslationContext,
  vnet: VirtualNetworkSite,
  site: LocalNetworkSite,
): { gatewayId: string; description: string } | undefined {
  const others = ctx.inventory.virtualNetworks.filter(
    (other) => !sameName(other.name, vnet.name) && other.gateway,
  );
  if (site.vpnGatewayAddress) {
    const classicPeer = others.find((other) => other.gateway?.vipAddress === site.vpnGatewayAddress);
    if (classicPeer)
      return { gatewayId: gatewayArmId(ctx, classicPeer), description: `VNet ${classicPeer.name}` };
    const armPeer = armGatewayWithAddress(ctx.existingArmResources, site.vpnGatewayAddress);
    if (armPeer) return { gatewayId: armPeer.id, description: `gateway ${armPeer.name}` };
    return undefined;
  }
  const prefixes = normalisedPrefixes(site.addressSpace);
  if (prefixes === '') return undefined;
  const classicPeer = others.find((other) => normalisedPrefixes(other.addressSpace) === prefixes);
  return classicPeer &&
    virtualNetworkClassicId(ctx.subscriptionId, classicPeer) !==
      virtualNetworkClassicId(ctx.subscriptionId, vnet)
    ? { gatewayId: gatewayArmId(ctx, classicPeer), description: `VNet ${classicPeer.name}` }
    : undefined;
}

function normalisedPrefixes(prefixes: readonly string[]): string {
  return [...prefixes]
    .map((p) => p.toLowerCase())
    .sort()
    .join(',');
}

function armGatewayWithAddress(resources: readonly ArmResource[], address: string): ArmResource | undefined {
  const publicIp = resources.find(
    (r) => sameName(r.type, 'Microsoft.Network/publicIPAddresses') && r.properties['ipAddress'] === address,
  );
  if (!publicIp) return undefined;
  return resources.find((r) => {
    if (!sameName(r.type, 'Microsoft.Network/virtualNetworkGateways')) return false;
    const configurations = r.properties['ipConfigurations'];
    return (
      Array.isArray(configurations) &&
      configurations.some((c: unknown) => JSON.stringify(c).toLowerCase().includes(publicIp.id.toLowerCase()))
    );
  });
}
