/**
 * The management-plane lock as Service Management clients see it: from Prepare until Commit or Abort
 * completes, every write to a resource in the scope is refused (D1, D3, D5) with Azure's
 * verbatim texts (D3 #12 and #19):
 *
 * - `Storage account/HostedService/Virtual Network {name} is in the process of being migrated and hence
 *   cannot be changed` — the documentation prints the three nouns with slashes for the three kinds of
 *   resource it is said of. We write one noun: the kind of the Classic resource the request would change
 *   (a cloud service → `HostedService`, a VNet site → `Virtual Network`, a storage account →
 *   `Storage account`), with that resource's name. The lock consulted is that of the scope covering the
 *   resource (see `covering-scope.ts`): a cloud service in a Prepared VNet is refused as
 *   `HostedService <service>`, a new deployment into that VNet as `Virtual Network <vnet>`.
 * - `Management operations on VM are disallowed because migration is in progress` for operations on a
 *   VM (add data disk, start, shutdown, restart, update and delete role, NSG associations of the VM or
 *   its NICs), whichever scope covers it.
 *
 * The documented text names only those three kinds. A reserved IP, NSG or route table under migration (its
 * own, or that of a VNet or cloud service it is associated with and migrates with) is refused in the same
 * sentence with Service Management's name for the kind (`ReservedIP`, `NetworkSecurityGroup`,
 * `RouteTable`, as in `ValidationMessage/ResourceType`): our choice, Azure's wording for them is not public
 * (https://learn.microsoft.com/en-us/azure/virtual-machines/migration-classic-resource-manager-overview says
 * only that the management plane of the resources under migration is locked).
 *
 * Azure never documented the HTTP status or `<Code>` of these refusals; ours is 409 `ConflictError`, the
 * code Service Management used for requests that collide with an operation holding the resource (our
 * choice). Pure.
 */
import { isLocked, type MigrationState } from '../migration/migration-state';
import type { ScopeTarget } from '../scope/covering-scope';
import { conflict, type ManagementError } from './management-error';

/** The Classic resource kinds a lock refusal names (the first three as documented, see above). */
export type LockedResourceKind =
  'cloudService' | 'virtualNetwork' | 'storageAccount' | 'reservedIp' | 'networkSecurityGroup' | 'routeTable';

const nouns: Record<LockedResourceKind, string> = {
  cloudService: 'HostedService',
  virtualNetwork: 'Virtual Network',
  storageAccount: 'Storage account',
  reservedIp: 'ReservedIP',
  networkSecurityGroup: 'NetworkSecurityGroup',
  routeTable: 'RouteTable',
};

/** `{Noun} {name} is in the process of being migrated and hence cannot be changed` (D3). */
export function resourceBeingMigrated(kind: LockedResourceKind, name: string): ManagementError {
  return conflict(`${nouns[kind]} ${name} is in the process of being migrated and hence cannot be changed`);
}

/** D3 (final revision only). */
export const vmOperationsDisallowed: ManagementError = conflict(
  'Management operations on VM are disallowed because migration is in progress',
);

/** One lock a write must respect: the scope that guards the change, and what to say if it is locked. */
export interface LockTarget {
  scope: ScopeTarget;
  refusal: ManagementError;
}

/** The resource kind a lock target names: the refusal for a change to that resource. */
export function resourceLockTarget(kind: LockedResourceKind, name: string, scope: ScopeTarget): LockTarget {
  return { scope, refusal: resourceBeingMigrated(kind, name) };
}

/** A lock target for an operation on a VM covered by `scope`. */
export function vmLockTarget(scope: ScopeTarget): LockTarget {
  return { scope, refusal: vmOperationsDisallowed };
}

/**
 * The refusal of the first target whose scope is locked, in the order given (the caller lists the most
 * specific target first); undefined when none is. `stateOf` answers undefined for a scope that never had
 * an operation (unlocked).
 */
export function lockRefusal(
  targets: readonly LockTarget[],
  stateOf: (scope: ScopeTarget) => MigrationState | undefined,
): ManagementError | undefined {
  for (const target of targets) {
    const state = stateOf(target.scope);
    if (state !== undefined && isLocked(state)) return target.refusal;
  }
  return undefined;
}
