/**
 * Finding the target of a write in the Classic inventory, with the Service Management error for what is
 * missing. Recorded texts where a recording has one (the deployment, C2/C5); the others are ours, in
 * the same voice. Pure.
 */
import type { CloudService, Deployment, PersistentVmRole, RoleInstance } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import { isPersistentVmRole } from '../classic/virtual-machines';
import { type ManagementError, resourceNotFound } from './management-error';

export type Located<T> = { ok: true; value: T } | { ok: false; error: ManagementError };

export interface LocatedDeployment {
  service: CloudService;
  deployment: Deployment;
}

export interface LocatedVm extends LocatedDeployment {
  role: PersistentVmRole;
}

/** Our text (Azure's is in no public source). */
export const hostedServiceNotFound = (name: string): ManagementError =>
  resourceNotFound(`The hosted service '${name}' does not exist.`);

/** Azure's text for a missing deployment (C2/C5). */
export const deploymentNotFound = (name: string): ManagementError =>
  resourceNotFound(`The deployment name '${name}' does not exist.`);

export function locateCloudService(inventory: ClassicInventory, serviceName: string): Located<CloudService> {
  const service = findByName(inventory.cloudServices, serviceName);
  return service ? { ok: true, value: service } : { ok: false, error: hostedServiceNotFound(serviceName) };
}

export function locateDeployment(
  inventory: ClassicInventory,
  serviceName: string,
  deploymentName: string,
): Located<LocatedDeployment> {
  const service = locateCloudService(inventory, serviceName);
  if (!service.ok) return service;
  const deployment = findByName(service.value.deployments, deploymentName);
  return deployment
    ? { ok: true, value: { service: service.value, deployment } }
    : { ok: false, error: deploymentNotFound(deploymentName) };
}

/** A VM (PersistentVMRole) of a deployment; a web/worker role is not a VM and is "not found" here. */
export function locateVm(
  inventory: ClassicInventory,
  serviceName: string,
  deploymentName: string,
  roleName: string,
): Located<LocatedVm> {
  const located = locateDeployment(inventory, serviceName, deploymentName);
  if (!located.ok) return located;
  const role = located.value.deployment.roles.find((r) => sameName(r.name, roleName));
  return role && isPersistentVmRole(role)
    ? { ok: true, value: { ...located.value, role } }
    : { ok: false, error: resourceNotFound(`The virtual machine '${roleName}' does not exist.`) };
}

/** The role instance named in a `roleinstances/{name}` path, with its VM. */
export function locateRoleInstance(
  inventory: ClassicInventory,
  serviceName: string,
  deploymentName: string,
  instanceName: string,
): Located<LocatedVm & { instance: RoleInstance }> {
  const located = locateDeployment(inventory, serviceName, deploymentName);
  if (!located.ok) return located;
  const instance = located.value.deployment.roleInstances.find((i) => sameName(i.instanceName, instanceName));
  const role = instance && located.value.deployment.roles.find((r) => sameName(r.name, instance.roleName));
  return instance && role && isPersistentVmRole(role)
    ? { ok: true, value: { ...located.value, role, instance } }
    : { ok: false, error: resourceNotFound(`The role instance '${instanceName}' does not exist.`) };
}

/** The inventory with one deployment of one cloud service replaced. */
export function withDeployment(
  inventory: ClassicInventory,
  service: CloudService,
  deployment: Deployment,
  replaced: Deployment,
): ClassicInventory {
  const updated: CloudService = {
    ...service,
    deployments: service.deployments.map((d) => (d === replaced ? deployment : d)),
  };
  return {
    ...inventory,
    cloudServices: inventory.cloudServices.map((s) => (s === service ? updated : s)),
  };
}
