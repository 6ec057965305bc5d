/**
 * Reads the migration state of every scope that shares resources with the asking one (its entity) and
 * asks the domain whether the operation must wait (domain/migration/overlap-refusal.ts). Used by admission
 * and again by Prepare before it takes the lock, since admission's reads can be stale.
 *
 * Hazard: two Prepares of overlapping scopes that pass this check at the same instant both go on (two
 * entities cannot be locked together from a client); each one's validation, which sees the shared
 * resources, is then what stops the second.
 */
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import type { MigrationOperation } from '../domain/migration/migration-state';
import { type OverlapRefusal, overlapRefusal } from '../domain/migration/overlap-refusal';
import { overlappingScopes } from '../domain/scope/overlapping-scopes';
import { describeScope, scopeKey, type ScopeRef } from '../domain/scope/scope';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';

export async function overlappingMigrationRefusal(
  entity: ScopeEntityGateway,
  inventory: ClassicInventory,
  scope: ScopeRef,
  operation: MigrationOperation,
): Promise<OverlapRefusal | undefined> {
  if (operation !== 'prepare') return undefined;
  const overlaps = overlappingScopes(inventory, scope);
  const states = await Promise.all(
    overlaps.map(async (overlap) => {
      const state = await entity.read(scopeKey({ subscriptionId: scope.subscriptionId, ...overlap.scope }));
      return { overlap, state: state?.state ?? 'None' };
    }),
  );
  return overlapRefusal(operation, describeScope(scope), states);
}
