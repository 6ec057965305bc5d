/**
 * RBAC on Classic resources: resource URIs change with migration, so assignments on the Classic resources
 * (or their resource groups) do not carry over (D2 "RBAC for classic resources", D11). Information: the
 * plan re-maps them. Ours.
 */
import { appliesToTargets, classicRbacTargetsOf } from '../support/classic-resource-ids';
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const classicRoleAssignmentsRule = defineRule(
  {
    code: 'CLASSIC_ROLE_ASSIGNMENT',
    title: 'Role assignment on a Classic resource',
    severity: 'Information',
    stage: 'classic',
    scopeKinds: ['virtualNetwork', 'cloudService', 'storageAccount', 'reservedIp', 'networkSecurityGroup'],
    profiles: allProfiles,
    messageTemplate:
      'Role assignment {role-definition-name} for {principal} on {assignment-scope} will not apply to the migrated resources because their resource URIs change.',
    azureText: false,
    recommendation:
      'Re-create the assignment on the Azure Resource Manager resources or their new resource groups after Commit; the plan lists the re-mapping.',
    sources: ['D2', 'D11'],
  },
  (context, report) => {
    if (context.contents === undefined) return [];
    const targets = classicRbacTargetsOf(context.contents);
    return context.inventory.roleAssignments
      .filter((assignment) => appliesToTargets(assignment.scope, targets))
      .map((assignment) =>
        report(scopeSubject(context), {
          'role-definition-name': assignment.roleDefinitionName,
          principal: assignment.principalName ?? assignment.principalId,
          'assignment-scope': assignment.scope,
        }),
      );
  },
);
