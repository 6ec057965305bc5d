import type { ArmResource, ResourceGroup } from '../domain/arm/arm-resource';
import type { ClassicInventory } from '../domain/classic/inventory.schema';

/** The Classic inventory of each subscription (Azure Tables in production and on the dev host). */
export interface ClassicInventoryStore {
  /** The subscription's inventory without migrated resources; an empty one when nothing was imported. */
  load(subscriptionId: string): Promise<ClassicInventory>;
  /** Writes every resource of `inventory` (upsert by collection and name). */
  save(inventory: ClassicInventory): Promise<void>;
  /** Removes the named resources from the Classic side (Commit), recording which operation did it. */
  markMigrated(subscriptionId: string, resources: ClassicResourceRef[], operationId: string): Promise<void>;
  /**
   * Deletes the named resources (a Service Management delete: cloud service, reserved IP, storage account,
   * disk); resources already absent are skipped, and migrated tombstones are kept.
   */
  remove(subscriptionId: string, resources: ClassicResourceRef[]): Promise<void>;
}

export type ClassicCollection = Exclude<keyof ClassicInventory, 'subscription'>;

export interface ClassicResourceRef {
  collection: ClassicCollection;
  name: string;
}

export type ArmPhase = 'Prepared' | 'Committed';

export interface StoredArmResource {
  resource: ArmResource;
  resourceGroup: string;
  phase: ArmPhase;
  scopeKey: string;
  operationId: string;
}

/** The ARM side: resource groups and resources, grouped by resource group. */
export interface ArmInventoryStore {
  listResourceGroups(subscriptionId: string): Promise<ResourceGroup[]>;
  getResourceGroup(subscriptionId: string, name: string): Promise<ResourceGroup | undefined>;
  listResources(subscriptionId: string, resourceGroup: string): Promise<StoredArmResource[]>;
  /** Every resource of every resource group of the subscription. */
  listSubscriptionResources(subscriptionId: string): Promise<StoredArmResource[]>;
  getResource(resourceId: string): Promise<StoredArmResource | undefined>;
  /**
   * Writes a scope's resources (and their resource groups) as `phase`, in batch transactions per resource
   * group. Records the IDs in the scope's manifest first, so an Abort can remove exactly what was written
   * even after a crash half-way.
   */
  writeScope(
    subscriptionId: string,
    scopeKey: string,
    operationId: string,
    resourceGroups: ResourceGroup[],
    resources: ArmResource[],
    phase: ArmPhase,
  ): Promise<void>;
  /** Sets the phase of every resource in the scope's manifest. */
  setScopePhase(subscriptionId: string, scopeKey: string, phase: ArmPhase): Promise<number>;
  /** Removes everything the scope's manifest lists (Abort); returns how many resources were removed. */
  removeScope(subscriptionId: string, scopeKey: string): Promise<number>;
  /** The resource IDs the scope's manifest lists. */
  manifest(subscriptionId: string, scopeKey: string): Promise<string[]>;
}

/** One Classic item and what it became, as the translation accounted for it when Prepare ran. */
export interface ScopeMappingEntry {
  classicId: string;
  classicType: string;
  name: string;
  outcome: 'migrated' | 'dropped' | 'refused';
  armIds: string[];
  reason?: string;
  note?: string;
}

/**
 * The Classic → ARM mapping of each prepared scope, kept after Commit (when the Classic side is gone) for
 * the side-by-side view and RBAC re-mapping.
 */
export interface ScopeMappingStore {
  write(scopeKey: string, entries: ScopeMappingEntry[]): Promise<void>;
  read(scopeKey: string): Promise<ScopeMappingEntry[]>;
  remove(scopeKey: string): Promise<void>;
}
