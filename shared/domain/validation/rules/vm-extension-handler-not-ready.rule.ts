/**
 * A migratable extension whose handler reports anything but Ready blocks the VM (H5 #8, D3). Azure's text
 * uses `{handler-status}` twice: the status reported, then the status expected — which is Ready.
 */
import { handlerNameOf, isMigratableExtension } from '../support/extension-catalogue';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { isRunning } from '../support/vm-state';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmExtensionHandlerNotReadyRule = defineRule(
  {
    code: 'VM_EXTENSION_HANDLER_NOT_READY',
    title: 'Extension handler not Ready',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension {extension-name} reporting Handler Status: {handler-status}. Hence, the VM cannot be migrated. Ensure that the Extension handler status being reported is {handler-status} or uninstall it from the VM and retry migration.',
    azureText: true,
    recommendation: 'Fix the extension until its handler reports Ready (or uninstall it), then retry.',
    sources: ['H5', 'D3'],
  },
  ({ contents, profile }, report) =>
    virtualMachinesOfScope(contents)
      .filter(isRunning)
      .flatMap((vm) =>
        vm.role.extensions
          .filter((extension) => isMigratableExtension(extension, profile))
          .flatMap((extension) => {
            const handler = handlerNameOf(extension).toLowerCase();
            const status = vm.instance?.extensionStatuses.find(
              (s) => s.handlerName.toLowerCase() === handler,
            );
            return status === undefined || status.status.toLowerCase() === 'ready'
              ? []
              : [
                  report(vmSubject(vm), {
                    'vm-name': vm.role.name,
                    'hosted-service-name': vm.cloudService.name,
                    'extension-name': extension.name,
                    'handler-status': [status.status, 'Ready'],
                  }),
                ];
          }),
      ),
);
