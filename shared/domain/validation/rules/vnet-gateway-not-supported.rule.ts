/**
 * In the May 2016 preview, VNet gateways of any kind (site-to-site, point-to-site, ExpressRoute) blocked
 * migration and had to be deleted (H1). Ours.
 */
import { hasExpressRouteGateway, hasVpnGateway } from '../support/gateways';
import { defineVnetFeatureRule } from '../support/vnet-feature-rule';
import { preview2016Only } from '../validation-profile';

export const vnetGatewayNotSupportedRule = defineVnetFeatureRule({
  code: 'VNET_GATEWAY_NOT_SUPPORTED',
  title: 'Virtual network gateway (2016)',
  profiles: preview2016Only,
  messageTemplate: 'Migration is not supported for Virtual Network {vnet-name} because it has {gateway}.',
  recommendation:
    'Delete the gateway, migrate the virtual network, then create the gateway and its connections again in ARM.',
  sources: ['H1'],
  itemPlaceholder: 'gateway',
  items: (vnet) => [
    ...(hasVpnGateway(vnet) ? ['a VPN gateway'] : []),
    ...(hasExpressRouteGateway(vnet) ? ['an ExpressRoute gateway'] : []),
  ],
});
