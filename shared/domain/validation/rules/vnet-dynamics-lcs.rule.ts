/** VNets with VMs managed by Dynamics Lifecycle Services cannot migrate (D2). Ours. */
import { defineVnetFeatureRule, whenTrue } from '../support/vnet-feature-rule';
import { allProfiles } from '../validation-profile';

export const vnetDynamicsLcsRule = defineVnetFeatureRule({
  code: 'VNET_DYNAMICS_LCS',
  title: 'Dynamics Lifecycle Services in the virtual network',
  profiles: allProfiles,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has VMs managed by Dynamics Lifecycle Services.',
  recommendation:
    'Not supported: redeploy the Dynamics environment through Lifecycle Services on ARM instead.',
  sources: ['D2'],
  items: (vnet) => whenTrue(vnet.hosts.dynamicsLcs),
});
