/** Alert rules do not migrate; the migration goes through and drops them (D2). */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmAlertRulesRule = defineRule(
  {
    code: 'VM_ALERT_RULES_DROPPED',
    title: 'Alert rules are dropped',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} has alert rule {alert-rule-name}, which will not be migrated.',
    azureText: false,
    recommendation: 'Note the alert rules before migrating and re-create them with Azure Monitor afterwards.',
    sources: ['D2'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.alertRules.map((alert) =>
        report(vmSubject(vm), {
          'vm-name': vm.role.name,
          'hosted-service-name': vm.cloudService.name,
          'alert-rule-name': alert.name,
        }),
      ),
    ),
);
