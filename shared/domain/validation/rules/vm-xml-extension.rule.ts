/**
 * XML extensions are not supported in ARM (H5 #5). From GA on they are dropped automatically (a warning);
 * the May 2016 preview asked for their removal (an error) and did not list BGInfo 1.* (H1, H2, D2). The
 * patterns are in support/extension-catalogue.ts.
 */
import { isInstalled, isXmlExtension } from '../support/extension-catalogue';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmXmlExtensionRule = defineRule(
  {
    code: 'VM_XML_EXTENSION',
    title: 'XML extension (dropped)',
    severity: 'Warning',
    severityByProfile: { 'preview-2016': 'Error' },
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} contains Extension {extension-name} which is not supported in Azure Resource Manager. It is recommended to uninstall it from the VM before continuing with migration.',
    azureText: true,
    recommendation:
      'Uninstall the extension before migrating, or let the migration drop it (BGInfo 1.*, Visual Studio Debugger, Web Deploy, Remote Debugging); install the JSON equivalent on the ARM VM afterwards if needed.',
    sources: ['H5', 'H1', 'H2', 'D2'],
  },
  ({ contents, profile }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.extensions
        .filter((extension) => isInstalled(extension) && isXmlExtension(extension, profile))
        .map((extension) =>
          report(vmSubject(vm), {
            'vm-name': vm.role.name,
            'hosted-service-name': vm.cloudService.name,
            'extension-name': extension.name,
          }),
        ),
    ),
);
