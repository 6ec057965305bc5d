/**
 * A migratable extension must report its status (H5 #7, D3, D5: agent Ready, outbound internet, DNS).
 * Only a running VM reports status, so stopped VMs are not judged here (inferred: they may migrate, D3).
 */
import { handlerNameOf, isMigratableExtension } from '../support/extension-catalogue';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { isRunning } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmExtensionStatusNotReportedRule = defineRule(
  {
    code: 'VM_EXTENSION_STATUS_NOT_REPORTED',
    title: 'Extension status not reported',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension {extension-name} whose Status is not being reported from the VM. Hence, this VM cannot be migrated. Ensure that the Extension status is being reported or uninstall the extension from the VM and retry migration.',
    azureText: true,
    recommendation:
      'Make sure the VM agent is Ready and the VM has outbound internet access and working DNS so that it reports extension status, or uninstall the extension, then retry.',
    sources: ['H5', 'D3', 'D5'],
  },
  ({ contents, profile }, report) =>
    virtualMachinesOfScope(contents)
      .filter(isRunning)
      .flatMap((vm) =>
        vm.role.extensions
          .filter((extension) => isMigratableExtension(extension, profile))
          .filter((extension) => {
            const handler = handlerNameOf(extension).toLowerCase();
            return !vm.instance?.extensionStatuses.some(
              (status) => status.handlerName.toLowerCase() === handler,
            );
          })
          .map((extension) =>
            report(vmSubject(vm), {
              'vm-name': vm.role.name,
              'hosted-service-name': vm.cloudService.name,
              'extension-name': extension.name,
            }),
          ),
      ),
);
