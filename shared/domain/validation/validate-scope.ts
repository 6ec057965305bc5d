/**
 * The validation runner: refuses an unregistered subscription, then runs every rule of the catalogue that
 * belongs to the profile and applies to the scope kind — Validate-stage rules always, pre-flight rules
 * when asked (Prepare always asks; Azure's Validate never ran them, D1) — and returns the findings in
 * a deterministic order. Pure.
 */
import type { ScopeKind } from '../scope/scope';
import type { Finding } from './finding';
import { hasBlockingFindings } from './finding';
import { orderFindings } from './finding-order';
import { ruleCatalogue } from './rule-catalogue';
import { registrationRefusal, type ValidationRefusal } from './subscription-registration';
import type { ValidationInput } from './validation-context';
import { defaultValidationProfile, type ValidationProfile } from './validation-profile';
import type { ValidationRule } from './validation-rule';

export interface ValidateScopeOptions {
  /** Default `ga`. */
  profile?: ValidationProfile;
  /** Run the pre-flight (ARM-side) rules too. Default false, as Azure's Validate. */
  includePreflight?: boolean;
  /** The rules to choose from; default the whole catalogue. */
  rules?: readonly ValidationRule[];
}

export interface ValidationOutcome {
  findings: Finding[];
  /** True when any finding is an Error, or the call is refused. */
  blocking: boolean;
  /** Set when the call is refused before any rule runs (then `findings` is empty). */
  refusal?: ValidationRefusal;
}

/** The rules that run for a scope kind under the options, in catalogue order. Pure. */
export function applicableRules(kind: ScopeKind, options: ValidateScopeOptions = {}): ValidationRule[] {
  const profile = options.profile ?? defaultValidationProfile;
  return (options.rules ?? ruleCatalogue).filter(
    (rule) =>
      rule.profiles.includes(profile) &&
      rule.scopeKinds.includes(kind) &&
      (rule.stage === 'classic' || options.includePreflight === true),
  );
}

/** Validates one scope. Pure: the same input and options always give the same outcome. */
export function validateScope(input: ValidationInput, options: ValidateScopeOptions = {}): ValidationOutcome {
  const validation = validationSteps(input, options);
  return validation.outcome(validation.checks.map((check) => check()));
}

/**
 * The validation of a scope as one check per rule, for a caller that must not hold the CPU for the whole
 * of a large scope: `outcome` of every check's findings, in order, is exactly `validateScope`. Pure.
 */
export interface ValidationSteps {
  checks: (() => Finding[])[];
  outcome(findingsPerCheck: readonly Finding[][]): ValidationOutcome;
}

export function validationSteps(input: ValidationInput, options: ValidateScopeOptions = {}): ValidationSteps {
  const refusal = registrationRefusal(input.inventory);
  if (refusal) return { checks: [], outcome: () => ({ findings: [], blocking: true, refusal }) };
  const context = { ...input, profile: options.profile ?? defaultValidationProfile };
  return {
    checks: applicableRules(input.scope.kind, options).map((rule) => () => rule.check(context)),
    outcome: (findingsPerCheck) => {
      const findings = orderFindings(findingsPerCheck.flat());
      return { findings, blocking: hasBlockingFindings(findings) };
    },
  };
}
