/**
 * The locks guarding a reserved IP, NSG or route table: its own scope, then every scope it migrates with
 * (the VNet of a subnet it is associated with, the scope covering a deployment using it: an associated NSG
 * or route table is cloned with the VNet, and its classic management operations are blocked while the VNet
 * migrates). Each refusal names the resource itself. Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { overlappingScopes } from '../scope/overlapping-scopes';
import { type LockTarget, resourceLockTarget } from './management-lock';

export type StandaloneKind = 'reservedIp' | 'networkSecurityGroup' | 'routeTable';

export function standaloneLockTargets(
  inventory: ClassicInventory,
  kind: StandaloneKind,
  name: string,
): LockTarget[] {
  const own = { kind, name };
  return [own, ...overlappingScopes(inventory, own).map((overlap) => overlap.scope)].map((scope) =>
    resourceLockTarget(kind, name, scope),
  );
}
