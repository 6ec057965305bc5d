/**
 * The NSG scope is for unattached NSGs (D2 scope 4). An NSG still associated with a subnet, VM or NIC is
 * cloned when that VNet or cloud service migrates (D1); one finding per association records where. Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const networkSecurityGroupAssociatedRule = defineRule(
  {
    code: 'NETWORK_SECURITY_GROUP_ASSOCIATED',
    title: 'Network security group still associated',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['networkSecurityGroup'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Network Security Group {network-security-group-name} on its own because it is associated with {association}.',
    azureText: false,
    recommendation:
      'Migrate the virtual network or cloud service that uses it (the NSG is cloned), or remove the association; migrate the NSG alone once nothing Classic uses it.',
    sources: ['D1', 'D2'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'networkSecurityGroup') return [];
    const nsg = context.contents.networkSecurityGroup;
    return context.contents.associations.map((association) =>
      report(scopeSubject(context), { 'network-security-group-name': nsg.name, association }),
    );
  },
);
