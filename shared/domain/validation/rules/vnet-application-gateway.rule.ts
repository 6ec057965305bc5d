/** Application gateways are not supported; remove before, recreate after (D2, H2, H4). Ours. */
import { defineVnetFeatureRule } from '../support/vnet-feature-rule';
import { allProfiles } from '../validation-profile';

export const vnetApplicationGatewayRule = defineVnetFeatureRule({
  code: 'VNET_APPLICATION_GATEWAY',
  title: 'Application gateway in the virtual network',
  profiles: allProfiles,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has Application Gateway {application-gateway-name}.',
  recommendation: 'Delete the application gateway, migrate the virtual network, then re-create it in ARM.',
  sources: ['D2', 'H2', 'H4'],
  itemPlaceholder: 'application-gateway-name',
  items: (vnet) => vnet.hosts.applicationGateways,
});
