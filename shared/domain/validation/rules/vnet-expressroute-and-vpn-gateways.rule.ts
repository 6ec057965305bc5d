/** A VNet with both an ExpressRoute and a VPN gateway: a check only Prepare ran (D1, D8). Ours. */
import { hasExpressRouteGateway, hasVpnGateway } from '../support/gateways';
import { scopeSubject } from '../support/scope-subjects';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vnetExpressRouteAndVpnGatewaysRule = defineRule(
  {
    code: 'VNET_EXPRESSROUTE_AND_VPN_GATEWAYS',
    title: 'ExpressRoute and VPN gateways on one virtual network',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because it has both an ExpressRoute gateway and a VPN gateway.',
    azureText: false,
    recommendation:
      'Delete the VPN gateway (keep the ExpressRoute one), migrate, then create the VPN gateway again in ARM for coexistence.',
    sources: ['D1', 'D8'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    return hasVpnGateway(vnet) && hasExpressRouteGateway(vnet)
      ? [report(scopeSubject(context), { 'vnet-name': vnet.name })]
      : [];
  },
);
