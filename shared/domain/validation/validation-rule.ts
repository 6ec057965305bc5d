/**
 * The shape of a validation rule: its catalogue metadata (stable code, severity, stage, scope kinds,
 * profiles, message template, recommendation, sources) and a pure `check(context) → Finding[]`. Pure.
 */
import type { ScopeKind } from '../scope/scope';
import type { CheckStage, Finding, Severity } from './finding';
import { renderTemplate, type TemplateValues } from './message-template';
import type { RuleContext } from './validation-context';
import type { ValidationProfile } from './validation-profile';

export interface RuleMetadata<C extends string = string> {
  /** SCREAMING_SNAKE, stable: clients and docs key on it, so it is never reworded once published. */
  code: C;
  /** A short name for docs and UIs. */
  title: string;
  /** Severity on the final platform (and on every profile not listed in `severityByProfile`). */
  severity: Severity;
  severityByProfile?: Partial<Record<ValidationProfile, Severity>>;
  /** `classic`: Azure's Validate ran it. `preflight`: only Azure's Prepare ran it (ARM-side, D1). */
  stage: CheckStage;
  scopeKinds: readonly ScopeKind[];
  profiles: readonly ValidationProfile[];
  /** Azure's verbatim text where Azure had one (typos and double spaces included); ours otherwise. */
  messageTemplate: string;
  /** True when `messageTemplate` is Azure's text, false when the project wrote it. */
  azureText: boolean;
  recommendation: string;
  /** Ids of the sources the rule rests on (docs/sources.md). */
  sources: readonly string[];
}

export interface ValidationRule<C extends string = string> extends RuleMetadata<C> {
  /** Pure: the findings of this rule for the context; empty when the rule has nothing to say. */
  check(context: RuleContext): Finding[];
}

/** The resource a finding is about, in Service Management `ValidationMessage` terms. */
export interface FindingSubject {
  resourceType: string;
  resourceName: string;
  virtualMachineName?: string | undefined;
}

/** Builds one finding of the rule being checked: renders the template with `values`. */
export type Report = (subject: FindingSubject, values: TemplateValues) => Finding;

/** The severity a rule's findings carry under a profile. */
export function severityFor(rule: RuleMetadata, profile: ValidationProfile): Severity {
  return rule.severityByProfile?.[profile] ?? rule.severity;
}

/**
 * Declares a rule from its metadata and a function listing its findings through `report`, which fills
 * in code, severity (per profile), stage, message and recommendation. Pure.
 */
export function defineRule<const C extends string>(
  metadata: RuleMetadata<C>,
  findings: (context: RuleContext, report: Report) => Finding[],
): ValidationRule<C> {
  return {
    ...metadata,
    check(context) {
      const report: Report = (subject, values) => ({
        code: metadata.code,
        severity: severityFor(metadata, context.profile),
        stage: metadata.stage,
        resourceType: subject.resourceType,
        resourceName: subject.resourceName,
        ...(subject.virtualMachineName === undefined
          ? {}
          : { virtualMachineName: subject.virtualMachineName }),
        message: renderTemplate(metadata.messageTemplate, values),
        recommendation: metadata.recommendation,
      });
      return findings(context, report);
    },
  };
}
