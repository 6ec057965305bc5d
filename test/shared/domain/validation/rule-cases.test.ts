/**
 * Every rule of the catalogue, through the runner: each positive case reports exactly the expected
 * findings (exact messages, resource, VM, severity, stage) and each negative near-miss reports nothing for
 * that rule. The table is typed `Record<RuleCode, RuleCases>`, so a rule without cases does not compile.
 */
import { describe, expect, it } from 'vitest';

import {
  ruleByCode,
  ruleCatalogue,
  type RuleCode,
} from '../../../../shared/domain/validation/rule-catalogue';
import { validateScope } from '../../../../shared/domain/validation/validate-scope';
import { severityFor } from '../../../../shared/domain/validation/validation-rule';
import { armConflictCases } from './rule-cases/arm-conflict.cases';
import { deploymentCases } from './rule-cases/deployment.cases';
import { destinationRbacCases } from './rule-cases/destination-rbac.cases';
import { extensionCases } from './rule-cases/extension.cases';
import { licenceAndNameCases } from './rule-cases/licence-and-names.cases';
import { loadBalancerCases } from './rule-cases/load-balancer.cases';
import { quotaCases } from './rule-cases/quota.cases';
import { observed, type RuleCases } from './rule-cases/rule-case';
import { scopeExistenceCases } from './rule-cases/scope-existence.cases';
import { standaloneCases } from './rule-cases/standalone.cases';
import { vmCases } from './rule-cases/vm.cases';
import { vnetCases } from './rule-cases/vnet.cases';

const cases: Record<RuleCode, RuleCases> = {
  ...scopeExistenceCases,
  ...deploymentCases,
  ...vmCases,
  ...extensionCases,
  ...vnetCases,
  ...standaloneCases,
  ...destinationRbacCases,
  ...quotaCases,
  ...loadBalancerCases,
  ...armConflictCases,
  ...licenceAndNameCases,
};

describe('rule cases', () => {
  it('When the catalogue is listed, then every rule has at least one positive and one negative case', () => {
    for (const rule of ruleCatalogue) {
      expect(cases[rule.code].positive.length, rule.code).toBeGreaterThan(0);
      expect(cases[rule.code].negative.length, rule.code).toBeGreaterThan(0);
    }
    expect(Object.keys(cases).sort()).toEqual(ruleCatalogue.map((rule) => rule.code).sort());
  });

  for (const [code, { positive, negative }] of Object.entries(cases)) {
    describe(code, () => {
      const rule = ruleByCode(code)!;

      for (const testCase of positive)
        it(`When ${testCase.when}, then ${code} reports its exact findings`, () => {
          const profile = testCase.profile ?? 'ga';
          const outcome = validateScope(testCase.input(), { profile, includePreflight: true });
          const findings = outcome.findings.filter((finding) => finding.code === code);

          expect(findings.map(observed)).toEqual(
            testCase.expected.map((expected) => ({
              ...expected,
              severity: expected.severity ?? severityFor(rule, profile),
            })),
          );
          for (const finding of findings) {
            expect(finding.stage).toBe(rule.stage);
            expect(finding.recommendation).toBe(rule.recommendation);
          }
        });

      for (const testCase of negative)
        it(`When ${testCase.when}, then ${code} reports nothing`, () => {
          const outcome = validateScope(testCase.input(), {
            profile: testCase.profile ?? 'ga',
            includePreflight: true,
          });

          expect(outcome.findings.filter((finding) => finding.code === code)).toEqual([]);
        });
    });
  }
});
