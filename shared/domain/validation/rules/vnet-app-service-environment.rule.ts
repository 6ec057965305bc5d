/** VNets with an App Service Environment cannot migrate (D2). Ours. */
import { defineVnetFeatureRule, whenTrue } from '../support/vnet-feature-rule';
import { allProfiles } from '../validation-profile';

export const vnetAppServiceEnvironmentRule = defineVnetFeatureRule({
  code: 'VNET_APP_SERVICE_ENVIRONMENT',
  title: 'App Service Environment in the virtual network',
  profiles: allProfiles,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has an App Service Environment.',
  recommendation:
    'Not supported: the App Service Environment has to be moved out of the virtual network (re-created) first.',
  sources: ['D2'],
  items: (vnet) => whenTrue(vnet.hosts.appServiceEnvironment),
});
