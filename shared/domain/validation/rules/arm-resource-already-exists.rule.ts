/**
 * A resource the migration would create already exists in ARM — the template deployment behind Prepare
 * (D3: "Template … deployment failed") would update or clash with it. Not in Azure's lists; ours, an
 * ARM-side check.
 *
 * Contract: resources this scope's own earlier Prepare created are not conflicts (a retried Prepare is
 * idempotent); the engine leaves them out of `existingArm`, which it can because it records what each
 * Prepare writes.
 */
import { scopeKinds } from '../../scope/scope';
import { resourceGroupOfId } from '../support/arm-lookup';
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const armResourceAlreadyExistsRule = defineRule(
  {
    code: 'ARM_RESOURCE_ALREADY_EXISTS',
    title: 'Planned ARM resource already exists',
    severity: 'Error',
    stage: 'preflight',
    // Every scope creates ARM resources.
    scopeKinds,
    profiles: allProfiles,
    messageTemplate:
      'Migration would create {resource-type} {resource-name} in resource group {resource-group}, which already exists in Azure Resource Manager.',
    azureText: false,
    recommendation:
      'Delete, rename or move the existing Azure Resource Manager resource (or its resource group), then retry Prepare.',
    sources: ['D1', 'D3'],
  },
  (context, report) => {
    const existing = context.existingArm;
    const planned = context.plannedResources;
    if (existing === undefined || planned === undefined) return [];
    const existingIds = new Set(existing.resources.map((resource) => resource.id.toLowerCase()));
    return planned
      .filter((resource) => existingIds.has(resource.id.toLowerCase()))
      .map((resource) =>
        report(scopeSubject(context), {
          'resource-type': resource.type,
          'resource-name': resource.name,
          'resource-group': resourceGroupOfId(resource.id) ?? '',
        }),
      );
  },
);
