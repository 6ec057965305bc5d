/**
 * Rules of the form "the VNet hosts X, which blocks its migration": one finding per VNet (or per named
 * item) when the VNet site's facts say so. Pure.
 */
import type { VirtualNetworkSite } from '../../classic/network.schema';
import type { ValidationProfile } from '../validation-profile';
import { defineRule, type ValidationRule } from '../validation-rule';
import { scopeSubject } from './scope-subjects';

export interface VnetFeatureRuleSpec<C extends string> {
  code: C;
  title: string;
  profiles: readonly ValidationProfile[];
  /** Template with `{vnet-name}` and, for named items, the placeholder `itemPlaceholder`. */
  messageTemplate: string;
  /** The placeholder that names each item, e.g. `application-gateway-name`. */
  itemPlaceholder?: string;
  recommendation: string;
  sources: readonly string[];
  /** The items found (names); for a yes/no fact, one empty entry when true (see `whenTrue`). */
  items: (vnet: VirtualNetworkSite) => readonly string[];
}

export function defineVnetFeatureRule<const C extends string>(
  spec: VnetFeatureRuleSpec<C>,
): ValidationRule<C> {
  return defineRule(
    {
      code: spec.code,
      title: spec.title,
      severity: 'Error',
      stage: 'classic',
      scopeKinds: ['virtualNetwork'],
      profiles: spec.profiles,
      messageTemplate: spec.messageTemplate,
      azureText: false,
      recommendation: spec.recommendation,
      sources: spec.sources,
    },
    (context, report) => {
      if (context.contents?.kind !== 'virtualNetwork') return [];
      const vnet = context.contents.virtualNetwork;
      return spec.items(vnet).map((item) =>
        report(scopeSubject(context), {
          'vnet-name': vnet.name,
          ...(spec.itemPlaceholder === undefined ? {} : { [spec.itemPlaceholder]: item }),
        }),
      );
    },
  );
}

/** For yes/no facts: one item when true. */
export function whenTrue(fact: boolean): readonly string[] {
  return fact ? [''] : [];
}
