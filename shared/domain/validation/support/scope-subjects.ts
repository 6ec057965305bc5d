/**
 * What the rules iterate over in a scope (deployments, VMs) and how a finding names its resource:
 * deployment- and VM-level findings carry `ResourceType` `Deployment` with the VM in `VirtualMachine`, as
 * Service Management's `ValidationMessage` does (C2, C4); scope-level findings carry the scope's own type
 * (`VirtualNetwork`, `Storage`, …). Pure.
 */
import type { Deployment } from '../../classic/compute.schema';
import { type VirtualMachine, virtualMachinesOf } from '../../classic/virtual-machines';
import {
  type DeploymentInScope,
  type ScopeContents,
  validationResourceTypes,
} from '../../scope/scope-contents';
import type { ValidationInput } from '../validation-context';
import type { FindingSubject } from '../validation-rule';

/** The deployments a VNet or cloud-service scope migrates; none for the other kinds. */
export function deploymentsOf(contents: ScopeContents | undefined): DeploymentInScope[] {
  return contents?.kind === 'virtualNetwork' || contents?.kind === 'cloudService' ? contents.deployments : [];
}

/** The VMs a VNet or cloud-service scope migrates, deployment by deployment, in RoleList order. */
export function virtualMachinesOfScope(contents: ScopeContents | undefined): VirtualMachine[] {
  return deploymentsOf(contents).flatMap(({ cloudService, deployment }) =>
    virtualMachinesOf(cloudService, deployment),
  );
}

export function deploymentSubject(deployment: Deployment): FindingSubject {
  return { resourceType: 'Deployment', resourceName: deployment.name };
}

export function vmSubject(vm: VirtualMachine): FindingSubject {
  return { resourceType: 'Deployment', resourceName: vm.deployment.name, virtualMachineName: vm.role.name };
}

/** The scope itself as a finding subject: its resolved (canonical) name, or the requested one. */
export function scopeSubject(input: Pick<ValidationInput, 'scope' | 'contents'>): FindingSubject {
  return { resourceType: validationResourceTypes[input.scope.kind], resourceName: scopeName(input) };
}

function scopeName({ scope, contents }: Pick<ValidationInput, 'scope' | 'contents'>): string {
  switch (contents?.kind) {
    case 'virtualNetwork':
      return contents.virtualNetwork.name;
    case 'cloudService':
      return contents.deployment?.name ?? contents.cloudService.name;
    case 'storageAccount':
      return contents.storageAccount.name;
    case 'reservedIp':
      return contents.reservedIp.name;
    case 'networkSecurityGroup':
      return contents.networkSecurityGroup.name;
    case 'routeTable':
      return contents.routeTable.name;
    case undefined:
      return scope.name;
  }
}

/** True for a deployment holding web or worker roles (a PaaS deployment). */
export function isPaasDeployment(deployment: Deployment): boolean {
  return deployment.roles.some((role) => role.roleType !== 'PersistentVMRole');
}
