/**
 * The order in which resource groups deploy: a group whose resources depend on another group's resources
 * (a NIC in `<cs>-Migrated` on a subnet in `<vnet>-Migrated`) comes after it. Stable: otherwise the
 * order in which the translation created the groups. Pure.
 */
import type { ArmResource, ResourceGroup } from '../arm/arm-resource';
import { resourceGroupOfId } from './deployment-network';

export function orderResourceGroups(
  groups: readonly ResourceGroup[],
  resources: readonly ArmResource[],
): ResourceGroup[] {
  const key = (name: string) => name.toLowerCase();
  const known = new Set(groups.map((group) => key(group.name)));
  const needs = new Map<string, Set<string>>(groups.map((group) => [key(group.name), new Set<string>()]));
  for (const resource of resources) {
    const from = key(resourceGroupOfId(resource.id));
    for (const dependency of resource.dependsOn ?? []) {
      const to = key(resourceGroupOfId(dependency));
      if (to !== from && known.has(to)) needs.get(from)?.add(to);
    }
  }
  const ordered: ResourceGroup[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (ordered.length < groups.length && progress) {
    progress = false;
    for (const group of groups) {
      const name = key(group.name);
      if (placed.has(name)) continue;
      if ([...(needs.get(name) ?? [])].every((dependency) => placed.has(dependency))) {
        ordered.push(group);
        placed.add(name);
        progress = true;
      }
    }
  }
  // A dependency cycle cannot come from one scope's translation; if one did, keep creation order.
  for (const group of groups) if (!placed.has(key(group.name))) ordered.push(group);
  return ordered;
}
