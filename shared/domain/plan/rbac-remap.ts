/**
 * RBAC re-mapping: role assignments on Classic resources, and where to recreate them once the resource
 * URIs change (D2, D11: "plan the RBAC policy updates after migration"; no peer carried them over). Pure.
 *
 * Our rule: an assignment whose scope is a Classic resource that migrated is recreated on each ARM
 * resource that resource became — except for a cloud service, which becomes a whole resource group of
 * resources (VMs, NICs, load balancer, public IPs…): its assignments are recreated on that resource group,
 * which grants the same reach. An assignment on anything above the resource (a Classic resource group, the
 * subscription) is untouched by migration and is not listed.
 */
import type { ClassicRoleAssignment } from '../classic/inventory.schema';
import type { ClassicToArmMapping } from '../translation/classic-arm-id-map';

export interface RoleAssignmentPlan {
  principalId: string;
  principalName?: string;
  principalType: ClassicRoleAssignment['principalType'];
  roleDefinitionName: string;
  classicScope: string;
  /** Where to recreate it; empty when the Classic resource does not migrate (the reason is in the plan). */
  armScopes: string[];
}

const resourceGroupIdPattern = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i;

export function planRoleAssignments(
  assignments: readonly ClassicRoleAssignment[],
  mappings: readonly ClassicToArmMapping[],
): RoleAssignmentPlan[] {
  const byClassicId = new Map<string, ClassicToArmMapping>();
  for (const mapping of mappings) byClassicId.set(mapping.classicId.toLowerCase(), mapping);
  return assignments.flatMap((assignment) => {
    const mapping = byClassicId.get(assignment.scope.toLowerCase());
    if (!mapping) return [];
    const groups = mapping.armIds.filter((id) => resourceGroupIdPattern.test(id));
    const armScopes =
      mapping.classicType === 'CloudService' && groups.length > 0
        ? groups
        : mapping.armIds.filter((id) => !resourceGroupIdPattern.test(id));
    return [
      {
        principalId: assignment.principalId,
        ...(assignment.principalName === undefined ? {} : { principalName: assignment.principalName }),
        principalType: assignment.principalType,
        roleDefinitionName: assignment.roleDefinitionName,
        classicScope: assignment.scope,
        armScopes: armScopes.length > 0 ? armScopes : mapping.armIds,
      },
    ];
  });
}
