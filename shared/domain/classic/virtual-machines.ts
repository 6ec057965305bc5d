/**
 * A virtual machine as the migration sees it: a PersistentVMRole of a deployment joined with its role
 * instance (Service Management lists them separately, in RoleList and RoleInstanceList). Pure.
 */
import type { CloudService, Deployment, PersistentVmRole, Role, RoleInstance } from './compute.schema';

export interface VirtualMachine {
  cloudService: CloudService;
  deployment: Deployment;
  role: PersistentVmRole;
  /** Absent when the deployment lists no instance for the role (treated as state unknown). */
  instance: RoleInstance | undefined;
}

export function isPersistentVmRole(role: Role): role is PersistentVmRole {
  return role.roleType === 'PersistentVMRole';
}

/** The VMs of a deployment, in RoleList order. */
export function virtualMachinesOf(cloudService: CloudService, deployment: Deployment): VirtualMachine[] {
  return deployment.roles.filter(isPersistentVmRole).map((role) => ({
    cloudService,
    deployment,
    role,
    instance: deployment.roleInstances.find((instance) => instance.roleName === role.name),
  }));
}

/** The PaaS (web/worker) roles of a deployment. */
export function paasRolesOf(deployment: Deployment): Role[] {
  return deployment.roles.filter((role) => !isPersistentVmRole(role));
}

/** The deployment migration acts on: the Production slot, else the only deployment. */
export function migratableDeploymentOf(cloudService: CloudService): Deployment | undefined {
  return (
    cloudService.deployments.find((deployment) => deployment.slot === 'Production') ??
    cloudService.deployments[0]
  );
}
