/**
 * Pre-flight ARM regional quota checks (D1, D4, D5): the ARM resources the translation plans to
 * create, counted per region, must fit in what the quota leaves. One rule per quota; a quota without a
 * row in the subscription is not checked, and nothing is checked without planned resources. Pure.
 */
import { quotaDemands, quotaNames } from '../../arm/quota-demand';
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
}

export function defineQuotaRule<const C extends string>(spec: QuotaRuleSpec<C>): ValidationRule<C> {
  const quotaName = quotaNames[spec.resource];
  const demand = quotaDemands[spec.resource];
  return defineRule(
    {
      code: spec.code,
      title: `ARM quota: ${quotaName}`,
      severity: 'Error',
      stage: 'preflight',
      scopeKinds,
      profiles: allProfiles,
      messageTemplate: quotaMessageTemplate,
      azureText: false,
      recommendation: `Raise the ${quotaName} quota of the subscription in that region (or free some up), then retry Prepare. If Prepare already failed on it, Abort first.`,
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
          const required = demand(inRegion);
          const available = Math.max(quota.limit - quota.currentUsage, 0);
          if (required <= available) return [];
          return [
            report(scopeSubject(context), {
              required,
              'quota-name': quotaName,
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
