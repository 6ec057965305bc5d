/**
 * The scope whose migration covers (and locks) a Classic resource (D1, D2, D5): a deployment
 * in a virtual network belongs to the VNet scope (the smallest unit of migration there); a deployment not
 * in a VNet belongs to its cloud service's scope; storage accounts, reserved IPs, NSGs and route tables
 * are scopes of their own. Pure.
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import { migratableDeploymentOf } from '../classic/virtual-machines';
import type { ScopeRef } from './scope';

export type ScopeTarget = Pick<ScopeRef, 'kind' | 'name'>;

/** The scope covering a deployment of the named cloud service. */
export function scopeCoveringDeployment(
  cloudServiceName: string,
  deployment: Pick<Deployment, 'virtualNetworkName'>,
): ScopeTarget {
  return deployment.virtualNetworkName === undefined
    ? { kind: 'cloudService', name: cloudServiceName }
    : { kind: 'virtualNetwork', name: deployment.virtualNetworkName };
}

/**
 * The scope covering a cloud service: the one covering its migratable deployment, or the cloud service's
 * own scope while it has no deployment.
 */
export function scopeCoveringCloudService(service: CloudService): ScopeTarget {
  const deployment = migratableDeploymentOf(service);
  return deployment === undefined
    ? { kind: 'cloudService', name: service.name }
    : scopeCoveringDeployment(service.name, deployment);
}

/** A stable key for a target within one subscription (names compare case-insensitively). */
export function scopeTargetKey(target: ScopeTarget): string {
  return `${target.kind}/${target.name.toLowerCase()}`;
}
