/**
 * The working state of one translation: the namer, the resources, groups and accounting collected so
 * far, and look-ups shared by the per-type translators. Created and discarded inside `translateScope`,
 * so the translation as a whole stays pure. Not exported from the module's public surface.
 */
import { type ArmResource, armResourceId, resourceGroupId } from '../arm/arm-resource';
import type { ClassicInventory } from '../classic/inventory.schema';
import type { NamedArmType } from '../naming/arm-name-rules';
import type { NamedResource } from '../naming/name-uniqueness';
import { createNamer, type Namer, type NameRequest, objectKeyOf } from '../naming/namer';
import { namedObjectKindInfo, type NamingPolicy } from '../naming/naming-policy';
import { apiVersions, type GeneratedArmType } from './api-versions';
import type { AccountingEntry, TranslationIssue } from './translation-result';

export interface TranslationOptions {
  /** Azure AD tenant for key vaults (Classic inventories do not hold it); default the nil GUID. */
  tenantId: string;
  /** Used only when neither a resource, its affinity group nor its scope says where it is. */
  defaultLocation: string;
}

export interface TranslationContext {
  subscriptionId: string;
  inventory: ClassicInventory;
  options: TranslationOptions;
  existingArmResources: readonly ArmResource[];
  namer: Namer;
  resources: ArmResource[];
  accounting: AccountingEntry[];
  issues: TranslationIssue[];
  /** Lower-cased resource group name → group (first location wins). */
  resourceGroups: Map<string, { name: string; location: string }>;
  namedResources: NamedResource[];
  /** Lower-cased Classic NSG / route table name → ID of its ARM clone in this translation. */
  networkSecurityGroupIds: Map<string, string>;
  routeTableIds: Map<string, string>;
  /** Lower-cased Classic IDs already accounted (an item reached twice is accounted once). */
  accounted: Set<string>;
  /**
   * `<object key>|<lower-cased ARM ID>` of every generated resource, so `addResource` finds a repeat in
   * constant time (a linear search made a 10,000-VM scope quadratic: seconds of CPU).
   */
  generated: Set<string>;
}

export function createTranslationContext(init: {
  subscriptionId: string;
  inventory: ClassicInventory;
  policy: NamingPolicy;
  options: TranslationOptions;
  existingArmResources: readonly ArmResource[];
}): TranslationContext {
  return {
    subscriptionId: init.subscriptionId,
    inventory: init.inventory,
    options: init.options,
    existingArmResources: init.existingArmResources,
    namer: createNamer(init.policy),
    resources: [],
    accounting: [],
    issues: [],
    resourceGroups: new Map(),
    namedResources: [],
    networkSecurityGroupIds: new Map(),
    routeTableIds: new Map(),
    accounted: new Set(),
    generated: new Set(),
  };
}

/** Names a resource group and registers it for creation; returns its name. */
export function useResourceGroup(ctx: TranslationContext, request: NameRequest, location: string): string {
  const name = ctx.namer.nameOf(request);
  const key = name.toLowerCase();
  if (!ctx.resourceGroups.has(key)) {
    ctx.resourceGroups.set(key, { name, location });
    ctx.namedResources.push({
      armId: resourceGroupId(ctx.subscriptionId, name),
      armType: 'Microsoft.Resources/resourceGroups',
      name,
      resourceGroup: name,
      objectKey: objectKeyOf(request),
    });
  }
  return name;
}

/** The name and ID an object gets as a resource of `type` in `resourceGroup` (pure; nothing is added). */
export function nameResource(
  ctx: TranslationContext,
  request: NameRequest,
  resourceGroup: string,
  type: GeneratedArmType,
): { name: string; id: string } {
  const name = ctx.namer.nameOf(request);
  return { name, id: armResourceId(ctx.subscriptionId, resourceGroup, type, name) };
}

export interface ResourceToAdd {
  request: NameRequest;
  resourceGroup: string;
  type: GeneratedArmType;
  location: string;
  properties: Record<string, unknown>;
  sku?: Record<string, unknown>;
  kind?: string;
  tags?: Record<string, string>;
  dependsOn?: readonly (string | undefined)[];
  /** For child types (`virtualMachines/extensions`): the parent's name and ID. */
  parent?: { name: string; id: string };
}

/** Adds a generated resource; returns its ID. */
export function addResource(ctx: TranslationContext, spec: ResourceToAdd): string {
  const name = ctx.namer.nameOf(spec.request);
  const id = spec.parent
    ? armResourceId(ctx.subscriptionId, spec.resourceGroup, spec.type, spec.parent.name, name)
    : armResourceId(ctx.subscriptionId, spec.resourceGroup, spec.type, name);
  const objectKey = objectKeyOf(spec.request);
  // The same object reached twice (a reserved IP named by two VIPs) is generated once.
  const generatedKey = `${objectKey}|${id.toLowerCase()}`;
  if (ctx.generated.has(generatedKey)) return id;
  ctx.generated.add(generatedKey);
  const dependsOn = uniqueIds(spec.dependsOn ?? []).filter(
    (dependency) => dependency.toLowerCase() !== id.toLowerCase(),
  );
  ctx.resources.push({
    id,
    name,
    type: spec.type,
    apiVersion: apiVersions[spec.type],
    location: spec.location,
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.sku ? { sku: spec.sku } : {}),
    ...(spec.kind ? { kind: spec.kind } : {}),
    properties: spec.properties,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  });
  ctx.namedResources.push({
    armId: id,
    armType: namedObjectKindInfo[spec.request.kind].armType satisfies NamedArmType,
    name,
    resourceGroup: spec.resourceGroup,
    ...(spec.parent ? { parentId: spec.parent.id } : {}),
    objectKey,
  });
  return id;
}

/** Records the outcome for a Classic item, once (a second account of the same Classic ID is ignored). */
export function account(ctx: TranslationContext, entry: AccountingEntry): void {
  const key = `${entry.classicType}|${entry.classicId}`.toLowerCase();
  if (ctx.accounted.has(key)) return;
  ctx.accounted.add(key);
  ctx.accounting.push(entry);
}

export function isAccounted(ctx: TranslationContext, classicType: string, classicId: string): boolean {
  return ctx.accounted.has(`${classicType}|${classicId}`.toLowerCase());
}

function uniqueIds(ids: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ids) {
    if (id === undefined || seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    out.push(id);
  }
  return out;
}
