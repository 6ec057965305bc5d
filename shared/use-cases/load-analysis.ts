/**
 * Loads what an analysis reads (the Classic inventory and the relevant part of the ARM inventory) and
 * runs it.
 */
import type { MigrationOptions } from '../contracts/phase-command';
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import { scopeKey, type ScopeRef } from '../domain/scope/scope';
import type { ArmInventoryStore, ClassicInventoryStore } from '../ports/inventory.port';
import type { AnalyseScope, ExistingArm, ScopeAnalysis } from './scope-analysis';

/**
 * The ARM inventory an analysis needs: every resource group of the subscription (names in use) and the
 * resources of an Existing destination's group (its VNet and subnet) and the NICs of the subscription — without what this scope's own
 * earlier Prepares wrote, so a retried Prepare neither collides with itself nor flags its own resources.
 */
export async function loadExistingArm(
  arm: ArmInventoryStore,
  scope: ScopeRef,
  options: MigrationOptions,
): Promise<ExistingArm> {
  const [groups, own] = await Promise.all([
    arm.listResourceGroups(scope.subscriptionId),
    arm.manifest(scope.subscriptionId, scopeKey(scope)),
  ]);
  const ownIds = new Set(own.map((id) => id.toLowerCase()));
  const destination = options.destination;
  // An Existing destination needs its VNet (in its group) and every NIC already in its subnets, wherever
  // their groups are, so addresses are not handed out twice.
  const resources =
    destination?.type === 'Existing'
      ? (
          await Promise.all(
            groups.map(async (group) =>
              (await arm.listResources(scope.subscriptionId, group.name))
                .map((stored) => stored.resource)
                .filter(
                  (resource) =>
                    group.name.toLowerCase() === destination.resourceGroupName.toLowerCase() ||
                    resource.type.toLowerCase() === 'microsoft.network/networkinterfaces',
                ),
            ),
          )
        ).flat()
      : [];
  return {
    resourceGroups: groups.filter((group) => !ownIds.has(group.id.toLowerCase())),
    resources: resources.filter((resource) => !ownIds.has(resource.id.toLowerCase())),
  };
}

export interface LoadedAnalysis {
  inventory: ClassicInventory;
  existingArm: ExistingArm;
  analysis: ScopeAnalysis;
}

export async function loadAndAnalyse(
  stores: { classicInventory: Pick<ClassicInventoryStore, 'load'>; armInventory: ArmInventoryStore },
  analyse: AnalyseScope,
  scope: ScopeRef,
  options: MigrationOptions,
  includePreflight: boolean,
): Promise<LoadedAnalysis> {
  const [inventory, existingArm] = await Promise.all([
    stores.classicInventory.load(scope.subscriptionId),
    loadExistingArm(stores.armInventory, scope, options),
  ]);
  return {
    inventory,
    existingArm,
    analysis: await analyse({ inventory, scope, options, includePreflight, existingArm }),
  };
}
