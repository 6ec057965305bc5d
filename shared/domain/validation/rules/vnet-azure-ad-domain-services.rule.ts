/** Azure AD Domain Services VNets were unsupported until the final platform supported them (H1, H2, H4 vs D2). Ours. */
import { defineVnetFeatureRule, whenTrue } from '../support/vnet-feature-rule';
import { preview2016Only } from '../validation-profile';

export const vnetAzureAdDomainServicesRule = defineVnetFeatureRule({
  code: 'VNET_AZURE_AD_DOMAIN_SERVICES',
  title: 'Azure AD Domain Services in the virtual network (2016)',
  profiles: preview2016Only,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has Azure AD Domain Services.',
  recommendation:
    'Not supported in 2016: keep the virtual network on Classic until the platform supports it.',
  sources: ['H1', 'H2', 'H4', 'D2'],
  items: (vnet) => whenTrue(vnet.hosts.azureAdDomainServices),
});
