/**
 * The shape of a rule's test cases: positive cases (the rule reports exactly these findings, with exact
 * messages) and negative near-misses (the rule reports nothing). Every rule of the catalogue has both; the
 * compiler holds that through `Record<RuleCode, RuleCases>` in rule-cases.test.ts.
 */
import type { Finding, Severity } from '../../../../../shared/domain/validation/finding';
import type { RuleCode } from '../../../../../shared/domain/validation/rule-catalogue';
import type { ValidationInput } from '../../../../../shared/domain/validation/validation-context';
import type { ValidationProfile } from '../../../../../shared/domain/validation/validation-profile';

export interface ExpectedFinding {
  resourceType: string;
  resourceName: string;
  virtualMachineName?: string;
  message: string;
  /** Defaults to the rule's severity under the case's profile. */
  severity?: Severity;
}

export interface NegativeCase {
  /** Reads after "When": "every VM shares one availability set". */
  when: string;
  input: () => ValidationInput;
  /** Default `ga`. */
  profile?: ValidationProfile;
}

export interface PositiveCase extends NegativeCase {
  expected: ExpectedFinding[];
}

export interface RuleCases {
  positive: PositiveCase[];
  negative: NegativeCase[];
}

export type RuleCaseTable = Partial<Record<RuleCode, RuleCases>>;

/** The fields a case asserts on. */
export function observed(finding: Finding): Required<Omit<ExpectedFinding, 'virtualMachineName'>> & {
  virtualMachineName?: string;
} {
  return {
    resourceType: finding.resourceType,
    resourceName: finding.resourceName,
    ...(finding.virtualMachineName === undefined ? {} : { virtualMachineName: finding.virtualMachineName }),
    message: finding.message,
    severity: finding.severity,
  };
}
