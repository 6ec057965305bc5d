/**
 * Pre-flight ARM regional quota checks (D1 §2.6, D4, D5): the ARM resources the translation plans to
 * create, counted per region, must fit in what the quota leaves. One rule per quota; a quota without a
 * row in the subscription is not checked, and nothing is checked without planned resources. Pure.
 */
import type { ArmResource } from '../../arm/arm-resource';
import type { QuotaResource } from '../../classic/inventory.schema';
import { scopeKinds } from '../../scope/scope';
import { allProfiles } from '../validation-profile';
import { defineRule, type ValidationRule } from '../validation-rule';
import { normalizeLocation } from './location';
import { scopeSubject } from './scope-subjects';

export const quotaMessageTemplate =
  'The Azure Resource Manager quota for {quota-name} in location {location} leaves {available} (limit {limit}, {current-usage} in use), but migration requires {required}.';

export interface QuotaRuleSpec<C extends string> {
  code: C;
  resource: QuotaResource;
  /** Plural, as the message prints it: `cores`, `network interfaces`, … */
  quotaName: string;
  /** How much of the quota the planned resources of one region use. */
  demand: (resources: readonly ArmResource[]) => number;
}

export function defineQuotaRule<const C extends string>(spec: QuotaRuleSpec<C>): ValidationRule<C> {
  return defineRule(
    {
      code: spec.code,
      title: `ARM quota: ${spec.quotaName}`,
      severity: 'Error',
      stage: 'preflight',
      scopeKinds,
      profiles: allProfiles,
      messageTemplate: quotaMessageTemplate,
      azureText: false,
      recommendation: `Raise the ${spec.quotaName} quota of the subscription in that region (or free some up), then retry Prepare. If Prepare already failed on it, Abort first.`,
      sources: ['D1', 'D4', 'D5'],
    },
    (context, report) => {
      const planned = context.plannedResources;
      if (planned === undefined) return [];
      return context.inventory.subscription.quotas
        .filter((quota) => quota.resource === spec.resource)
        .flatMap((quota) => {
          const inRegion = planned.filter(
            (resource) => normalizeLocation(resource.location) === normalizeLocation(quota.location),
          );
          const required = spec.demand(inRegion);
          const available = Math.max(quota.limit - quota.currentUsage, 0);
          if (required <= available) return [];
          return [
            report(scopeSubject(context), {
              required,
              'quota-name': spec.quotaName,
              location: quota.location,
              available,
              limit: quota.limit,
              'current-usage': quota.currentUsage,
            }),
          ];
        });
    },
  );
}

/** The planned resources of one ARM type (types compare case-insensitively). */
export function ofType(resources: readonly ArmResource[], type: string): ArmResource[] {
  return resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}
