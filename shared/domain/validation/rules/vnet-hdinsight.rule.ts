/** VNets with HDInsight clusters cannot migrate (D2). Ours. */
import { defineVnetFeatureRule, whenTrue } from '../support/vnet-feature-rule';
import { allProfiles } from '../validation-profile';

export const vnetHdInsightRule = defineVnetFeatureRule({
  code: 'VNET_HDINSIGHT',
  title: 'HDInsight in the virtual network',
  profiles: allProfiles,
  messageTemplate:
    'Migration is not supported for Virtual Network {vnet-name} because it has HDInsight clusters.',
  recommendation: 'Not supported: re-create the HDInsight clusters outside the virtual network first.',
  sources: ['D2'],
  items: (vnet) => whenTrue(vnet.hosts.hdInsight),
});
