/**
 * What a Service Management GET shows: the subscription's Classic inventory and the MigrationState of the
 * scopes covering the resources it shows.
 */
import type { Services } from '../../composition';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import type { ScopeTarget } from '../../domain/scope/covering-scope';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { readScopeStates, type ScopeStateLookup } from './scope-states';

export interface ClassicView {
  inventory: ClassicInventory;
  stateOf: ScopeStateLookup;
}

export type ClassicViewDeps = Pick<Services, 'classicInventory'> & { entity: ScopeEntityGateway };

/** `shown` lists the scopes whose state the response needs (none for resources without MigrationState). */
export async function loadClassicView(
  deps: ClassicViewDeps,
  subscriptionId: string,
  shown: (inventory: ClassicInventory) => ScopeTarget[],
): Promise<ClassicView> {
  const inventory = await deps.classicInventory.load(subscriptionId);
  const stateOf = await readScopeStates(deps.entity, subscriptionId, shown(inventory));
  return { inventory, stateOf };
}
