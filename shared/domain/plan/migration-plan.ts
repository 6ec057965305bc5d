/**
 * The plan of a migration, shown before anything changes: the ARM resources and resource groups Prepare
 * will create (names and IDs), the Classic resources that get another name in ARM, what happens to
 * running VMs and addresses, the settings that are dropped and why, the RBAC re-mapping (Classic resource
 * IDs → ARM IDs, and the role assignments to recreate), the ARM quota the scope needs per region, and how
 * long Azure's platform would take. Pure.
 */
import type { ArmResource, ResourceGroup } from '../arm/arm-resource';
import { quotaDemands } from '../arm/quota-demand';
import type { ClassicInventory, QuotaResource } from '../classic/inventory.schema';
import type { Destination } from '../scope/destination';
import type { ScopeRef } from '../scope/scope';
import { type ScopeContents, virtualMachinesInScope } from '../scope/scope-contents';
import { classicToArmIdMappings, type ClassicToArmMapping } from '../translation/classic-arm-id-map';
import { dataPlaneEffectsPerVm, type VmDataPlaneEffects } from '../translation/data-plane-effects';
import type { AccountingEntry, TranslationResult } from '../translation/translation-result';
import { type DurationEstimate, estimateDuration } from './duration-estimate';
import { planRoleAssignments, type RoleAssignmentPlan } from './rbac-remap';
import { type RenamedObject, renamedObjects } from './renamed-objects';

export interface PlannedResource {
  id: string;
  name: string;
  type: string;
  resourceGroup: string;
  location: string;
}

export interface QuotaNeed {
  location: string;
  resource: QuotaResource;
  required: number;
  /** Known when the subscription's quota for it is known. */
  limit?: number;
  currentUsage?: number;
  available?: number;
  sufficient?: boolean;
}

export interface MigrationPlan {
  scope: ScopeRef;
  destination?: Destination;
  resourceGroups: (ResourceGroup & { alreadyExists: boolean })[];
  resources: PlannedResource[];
  countsByType: Record<string, number>;
  /** Classic resources whose ARM name is not their Classic name (`my subnet` → `my-subnet`), and why. */
  renamed: RenamedObject[];
  dataPlane: {
    /** True when running VMs stop (VMs not in a VNet). */
    downtime: boolean;
    summary: string;
    virtualMachines: VmDataPlaneEffects[];
  };
  /** Migrates without these (XML extensions, alerts, autoscale, VIPs without endpoints…). */
  dropped: Pick<AccountingEntry, 'classicId' | 'classicType' | 'name' | 'reason'>[];
  /** Cannot migrate as they are (validation says why). */
  refused: Pick<AccountingEntry, 'classicId' | 'classicType' | 'name' | 'reason'>[];
  rbac: { mappings: ClassicToArmMapping[]; roleAssignments: RoleAssignmentPlan[] };
  quotas: QuotaNeed[];
  estimate: DurationEstimate;
}

export interface PlanInput {
  inventory: ClassicInventory;
  scope: ScopeRef;
  contents: ScopeContents;
  translation: TranslationResult;
  destination?: Destination;
  /** Names of resource groups that exist already (so the plan says which ones Prepare creates). */
  existingResourceGroups?: readonly string[];
}

export function buildMigrationPlan(input: PlanInput): MigrationPlan {
  const { translation, contents } = input;
  const existing = new Set((input.existingResourceGroups ?? []).map((name) => name.toLowerCase()));
  const vmEffects = dataPlaneEffectsPerVm(input.scope.subscriptionId, contents);
  const downtime = vmEffects.some((vm) => vm.effects.length > 0);
  const countsByType: Record<string, number> = {};
  for (const resource of translation.resources)
    countsByType[resource.type] = (countsByType[resource.type] ?? 0) + 1;
  const pick = ({ classicId, classicType, name, reason }: AccountingEntry) => ({
    classicId,
    classicType,
    name,
    ...(reason === undefined ? {} : { reason }),
  });
  const mappings = classicToArmIdMappings(translation);
  return {
    scope: input.scope,
    ...(input.destination ? { destination: input.destination } : {}),
    resourceGroups: translation.resourceGroups.map((group) => ({
      ...group,
      alreadyExists: existing.has(group.name.toLowerCase()),
    })),
    resources: translation.resources.map(plannedResource),
    countsByType,
    renamed: renamedObjects(translation),
    dataPlane: {
      downtime,
      summary: downtime
        ? `${vmEffects.filter((vm) => vm.effects.length > 0).length} VM(s) not in a virtual network are stopped, deallocated and started again during Prepare: their internal IPs change, and so does a VIP that is not reserved.`
        : 'No data-plane effect: only the management plane moves; VMs keep running with the same addresses.',
      virtualMachines: vmEffects,
    },
    dropped: translation.accounting.filter((entry) => entry.outcome === 'dropped').map(pick),
    refused: translation.accounting.filter((entry) => entry.outcome === 'refused').map(pick),
    rbac: { mappings, roleAssignments: planRoleAssignments(input.inventory.roleAssignments, mappings) },
    quotas: quotaNeeds(input.inventory, translation.resources),
    estimate: estimateDuration(
      virtualMachinesInScope(contents).length,
      translation.resources.length + translation.resourceGroups.length,
    ),
  };
}

function plannedResource(resource: ArmResource): PlannedResource {
  const group = /\/resourceGroups\/([^/]+)\//i.exec(resource.id)?.[1] ?? '';
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    resourceGroup: group,
    location: resource.location,
  };
}

/** The quota each region needs, with the subscription's limits where known. */
function quotaNeeds(inventory: ClassicInventory, resources: readonly ArmResource[]): QuotaNeed[] {
  const locations = [...new Set(resources.map((resource) => resource.location.toLowerCase()))].sort();
  const needs: QuotaNeed[] = [];
  for (const location of locations) {
    const inRegion = resources.filter((resource) => resource.location.toLowerCase() === location);
    for (const [resource, demand] of Object.entries(quotaDemands) as [
      QuotaResource,
      (r: readonly ArmResource[]) => number,
    ][]) {
      const required = demand(inRegion);
      if (required === 0) continue;
      const quota = inventory.subscription.quotas.find(
        (q) => q.resource === resource && q.location.toLowerCase().replace(/\s+/g, '') === location,
      );
      const available = quota && Math.max(quota.limit - quota.currentUsage, 0);
      needs.push({
        location,
        resource,
        required,
        ...(quota
          ? {
              limit: quota.limit,
              currentUsage: quota.currentUsage,
              available,
              sufficient: required <= (available ?? 0),
            }
          : {}),
      });
    }
  }
  return needs;
}
