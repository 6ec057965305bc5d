/**
 * Uniqueness of generated names: per resource group and type, per parent for child types, globally for
 * storage accounts and key vaults — always case-insensitively, as ARM compares names. Pure.
 */
import { armNameRules, type NamedArmType } from './arm-name-rules';
import type { NamingError } from './naming-error';

export interface NamedResource {
  armId: string;
  armType: NamedArmType;
  name: string;
  resourceGroup: string;
  /** The parent resource's ID, for child types (subnets, extensions). */
  parentId?: string;
  objectKey: string;
}

/**
 * Every name that collides with an earlier one in its uniqueness scope (`NAME_DUPLICATE`), and every
 * generated ID that already exists in Resource Manager (`NAME_TAKEN`). Resource groups never collide: two
 * objects naming the same group share it.
 */
export function findNameCollisions(
  resources: readonly NamedResource[],
  existingArmIds: readonly string[],
): NamingError[] {
  const errors: NamingError[] = [];
  const firstByScope = new Map<string, NamedResource>();
  const existing = new Set(existingArmIds.map((id) => id.toLowerCase()));
  for (const resource of resources) {
    const rule = armNameRules[resource.armType];
    if (resource.armType === 'Microsoft.Resources/resourceGroups') continue;
    const scopeKey = uniquenessKey(resource).toLowerCase();
    const first = firstByScope.get(scopeKey);
    if (first && first.armId.toLowerCase() !== resource.armId.toLowerCase()) {
      errors.push({
        code: 'NAME_DUPLICATE',
        message: `${resource.armType} '${resource.name}' (${resource.objectKey}) has the same name as '${first.name}' (${first.objectKey}) in ${describeScope(resource)}`,
        object: resource.objectKey,
        proposedName: resource.name,
        rule: `${resource.armType}: names are unique (case-insensitive) ${uniquenessWords[rule.uniqueness]}`,
      });
    } else if (first && first.objectKey.toLowerCase() !== resource.objectKey.toLowerCase()) {
      errors.push({
        code: 'NAME_DUPLICATE',
        message: `${resource.armType} '${resource.name}' is generated for both ${first.objectKey} and ${resource.objectKey}`,
        object: resource.objectKey,
        proposedName: resource.name,
        rule: `${resource.armType}: names are unique (case-insensitive) ${uniquenessWords[rule.uniqueness]}`,
      });
    } else if (!first) firstByScope.set(scopeKey, resource);
    if (existing.has(resource.armId.toLowerCase()))
      errors.push({
        code: 'NAME_TAKEN',
        message: `${resource.armId} already exists in Resource Manager`,
        object: resource.objectKey,
        proposedName: resource.name,
        rule: `${resource.armType}: a generated resource must not replace an existing one`,
      });
  }
  return errors;
}

const uniquenessWords = {
  subscription: 'per subscription',
  resourceGroup: 'per resource group and type',
  parent: 'per parent resource',
  global: 'across Azure',
} as const;

function uniquenessKey(resource: NamedResource): string {
  switch (armNameRules[resource.armType].uniqueness) {
    case 'global':
    case 'subscription':
      return `${resource.armType}|${resource.name}`;
    case 'parent':
      return `${resource.armType}|${resource.parentId ?? ''}|${resource.name}`;
    case 'resourceGroup':
      return `${resource.armType}|${resource.resourceGroup}|${resource.name}`;
  }
}

function describeScope(resource: NamedResource): string {
  switch (armNameRules[resource.armType].uniqueness) {
    case 'global':
    case 'subscription':
      return 'this migration (the name must be globally unique)';
    case 'parent':
      return `parent ${resource.parentId ?? ''}`;
    case 'resourceGroup':
      return `resource group ${resource.resourceGroup}`;
  }
}
