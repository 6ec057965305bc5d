/**
 * What a validation rule reads: the Classic inventory, the scope and what it holds, and — for the
 * pre-flight checks — the destination, the ARM resources the translation plans to create and the ARM
 * inventory as it is now. Pure.
 */
import type { ArmResource, ResourceGroup } from '../arm/arm-resource';
import type { ClassicInventory } from '../classic/inventory.schema';
import type { Destination } from '../scope/destination';
import type { ScopeRef } from '../scope/scope';
import { resolveScope, type ScopeContents } from '../scope/scope-contents';
import type { ValidationProfile } from './validation-profile';

/** The current ARM inventory of the subscription: for an existing-VNet destination and for conflicts. */
export interface ExistingArmInventory {
  resourceGroups: readonly ResourceGroup[];
  resources: readonly ArmResource[];
}

export interface ValidationInput {
  inventory: ClassicInventory;
  scope: ScopeRef;
  /** `resolveScope(inventory, scope)`; undefined when the named resource does not exist. */
  contents: ScopeContents | undefined;
  /** Cloud services only: where the deployment lands (`New` when absent). */
  destination?: Destination;
  /**
   * The ARM resources the translation will create for this scope, in REST shape (`type`, `location`,
   * `properties`…). The quota checks count these; absent means the quotas are not checked.
   */
  plannedResources?: readonly ArmResource[];
  /** Absent means the ARM side is unknown and the checks that need it do not run. */
  existingArm?: ExistingArmInventory;
}

/** What a rule's `check` receives: the input plus the profile the runner validates against. */
export interface RuleContext extends ValidationInput {
  profile: ValidationProfile;
}

/** Builds a validation input, resolving the scope against the inventory. Pure. */
export function validationInputFor(
  inventory: ClassicInventory,
  scope: ScopeRef,
  extras: Pick<ValidationInput, 'destination' | 'plannedResources' | 'existingArm'> = {},
): ValidationInput {
  return { inventory, scope, contents: resolveScope(inventory, scope), ...extras };
}
