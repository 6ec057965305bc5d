/** The May 2016 preview did not migrate unassociated NSGs (H1). Ours. */
import { scopeSubject } from '../support/scope-subjects';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const networkSecurityGroupUnattachedNotSupportedRule = defineRule(
  {
    code: 'NETWORK_SECURITY_GROUP_UNATTACHED_NOT_SUPPORTED',
    title: 'Unassociated network security group (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['networkSecurityGroup'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for Network Security Group {network-security-group-name} because it is not associated with a subnet.',
    azureText: false,
    recommendation: 'Not supported in 2016: keep the NSG on Classic, or re-create it in ARM.',
    sources: ['H1'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'networkSecurityGroup') return [];
    return context.contents.associations.length === 0
      ? [
          report(scopeSubject(context), {
            'network-security-group-name': context.contents.networkSecurityGroup.name,
          }),
        ]
      : [];
  },
);
