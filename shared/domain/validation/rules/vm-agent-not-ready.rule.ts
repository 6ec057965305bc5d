/**
 * A running VM whose guest agent is NotReady cannot report extension status, which matters only when it
 * has a migratable extension (H5 #9, D3, D5).
 */
import { isMigratableExtension } from '../support/extension-catalogue';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { isRunning } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmAgentNotReadyRule = defineRule(
  {
    code: 'VM_AGENT_NOT_READY',
    title: 'VM agent not Ready',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM Agent for VM {vm-name} in HostedService {hosted-service-name} is reporting the overall agent status as Not Ready. Hence, the VM may not be migrated, if it has a migratable extension. Ensure that the VM Agent is reporting overall agent status as Ready. Refer to https://aka.ms/classiciaasmigrationfaqs.',
    azureText: true,
    recommendation:
      'Repair or reinstall the VM agent until it reports Ready (it needs outbound internet access and DNS), or uninstall the VM extensions, then retry.',
    sources: ['H5', 'D3', 'D5'],
  },
  ({ contents, profile }, report) =>
    virtualMachinesOfScope(contents)
      .filter(
        (vm) =>
          isRunning(vm) &&
          vm.instance?.guestAgentStatus === 'NotReady' &&
          vm.role.extensions.some((extension) => isMigratableExtension(extension, profile)),
      )
      .map((vm) =>
        report(vmSubject(vm), { 'vm-name': vm.role.name, 'hosted-service-name': vm.cloudService.name }),
      ),
);
