/**
 * `MigrationState` per role of a cloud service: each deployment's roles show the state of the scope
 * covering the deployment (its VNet's when it is in one, else the cloud service's); roles of a scope that
 * never had an operation show none.
 */
import type { CloudService } from '../../domain/classic/compute.schema';
import type { MigrationState } from '../../domain/migration/migration-state';
import { scopeCoveringDeployment, type ScopeTarget } from '../../domain/scope/covering-scope';
import type { ScopeStateLookup } from '../../use-cases/service-management/scope-states';

export function scopesCoveringService(service: CloudService): ScopeTarget[] {
  return service.deployments.map((deployment) => scopeCoveringDeployment(service.name, deployment));
}

export function roleMigrationStates(
  service: CloudService,
  stateOf: ScopeStateLookup,
): Record<string, MigrationState> {
  const states: Record<string, MigrationState> = {};
  for (const deployment of service.deployments) {
    const state = stateOf(scopeCoveringDeployment(service.name, deployment));
    if (state === undefined) continue;
    for (const role of deployment.roles) states[role.name] = state;
  }
  return states;
}
