/** VNets using VNet peering are not supported; migrate, then peer again (D2, H2, H4). Ours. */
import { defineVnetFeatureRule } from '../support/vnet-feature-rule';
import { gaOnly } from '../validation-profile';

export const vnetPeeringRule = defineVnetFeatureRule({
  code: 'VNET_PEERING',
  title: 'Virtual network peering',
  profiles: gaOnly,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it is peered with Virtual Network {peered-vnet-name}.',
  recommendation:
    'Remove the peering, migrate the virtual network, then peer the ARM virtual networks again.',
  sources: ['D2', 'H2', 'H4'],
  itemPlaceholder: 'peered-vnet-name',
  items: (vnet) => vnet.peerings,
});
