/** VNets with API Management deployments cannot migrate; move APIM first, no downtime (D2, H4). Ours. */
import { defineVnetFeatureRule, whenTrue } from '../support/vnet-feature-rule';
import { gaOnly } from '../validation-profile';

export const vnetApiManagementRule = defineVnetFeatureRule({
  code: 'VNET_API_MANAGEMENT',
  title: 'API Management in the virtual network',
  profiles: gaOnly,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has API Management deployments.',
  recommendation:
    'Move the API Management service to another (ARM) virtual network — this causes no downtime — then retry.',
  sources: ['D2', 'H4'],
  items: (vnet) => whenTrue(vnet.hosts.apiManagement),
});
