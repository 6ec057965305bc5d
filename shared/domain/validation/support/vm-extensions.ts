/**
 * The installed extensions of a scope's VMs that match a catalogue entry, and the message parameters that
 * name one: the shape every extension rule reports (one finding per VM and extension). Pure.
 */
import type { ResourceExtensionReference } from '../../classic/compute.schema';
import type { VirtualMachine } from '../../classic/virtual-machines';
import type { ScopeContents } from '../../scope/scope-contents';
import type { ValidationProfile } from '../validation-profile';
import { type ExtensionPattern, isInstalled, matchesAny } from './extension-catalogue';
import { virtualMachinesOfScope } from './scope-subjects';

export interface VmExtension {
  vm: VirtualMachine;
  extension: ResourceExtensionReference;
}

export function installedVmExtensions(
  contents: ScopeContents | undefined,
  patterns: readonly ExtensionPattern[],
  profile: ValidationProfile,
): VmExtension[] {
  return virtualMachinesOfScope(contents).flatMap((vm) =>
    vm.role.extensions
      .filter((extension) => isInstalled(extension) && matchesAny(extension, patterns, profile))
      .map((extension) => ({ vm, extension })),
  );
}

/** `{vm-name}`, `{hosted-service-name}` and `{extension-name}` of a finding about one VM's extension. */
export function vmExtensionParameters({ vm, extension }: VmExtension): Record<string, string> {
  return {
    'vm-name': vm.role.name,
    'hosted-service-name': vm.cloudService.name,
    'extension-name': extension.name,
  };
}
