/**
 * The analysis of a scope: resolve it, translate it, validate it (with the planned ARM resources, so the
 * pre-flight quota checks count what Prepare would create), and turn naming-policy errors into blocking
 * findings. The phases, the status API and the Service Management API all call it.
 *
 * A large scope is CPU work of a second or more, so it is written as steps (translation per deployment,
 * validation per rule; see cpu-slices.ts): `analyseScopeInSlices` lets the event loop serve entity calls
 * and HTTP between steps, `analyseScope` runs the same steps at once. Same input, same analysis.
 */
import { namingPolicySchema } from '../domain/naming/naming-policy';
import { resolveScope } from '../domain/scope/scope-contents';
import { translationSteps } from '../domain/translation/translate-scope';
import type { TranslationResult } from '../domain/translation/translation-result';
import { type Finding, hasBlockingFindings } from '../domain/validation/finding';
import { validationSteps } from '../domain/validation/validate-scope';
import { defaultSliceMs, runAtOnce, runInSlices, type SlicedWork } from './cpu-slices';
import type { AnalysisInput, ScopeAnalysis } from './scope-analysis';

/** The analysis, giving the event loop a turn every slice (`sliceMs`: see cpu-slices.ts). */
export function analyseScopeInSlices(input: AnalysisInput, sliceMs = defaultSliceMs): Promise<ScopeAnalysis> {
  return runInSlices(analysisWork(input), sliceMs);
}

/** The analysis at once (small scopes, callers that need the value synchronously). */
export function analyseScope(input: AnalysisInput): ScopeAnalysis {
  return runAtOnce(analysisWork(input));
}

function* analysisWork(input: AnalysisInput): SlicedWork<ScopeAnalysis> {
  const { inventory, scope, options, existingArm } = input;
  const contents = resolveScope(inventory, scope);
  const naming = namingPolicySchema.safeParse(options.naming ?? {});
  yield;
  let translation: TranslationResult | undefined;
  if (contents) {
    const steps = translationSteps({
      inventory,
      scope,
      contents,
      ...(options.destination ? { destination: options.destination } : {}),
      ...(naming.success ? { naming: naming.data } : {}),
      existingArm: { resources: existingArm.resources },
    });
    for (const step of steps.steps) {
      step();
      yield;
    }
    translation = steps.result();
    yield;
  }
  const checks = validationSteps(
    {
      inventory,
      scope,
      contents,
      ...(options.destination ? { destination: options.destination } : {}),
      ...(translation ? { plannedResources: translation.resources } : {}),
      existingArm,
    },
    { ...(options.profile ? { profile: options.profile } : {}), includePreflight: input.includePreflight },
  );
  const found: Finding[][] = [];
  for (const check of checks.checks) {
    found.push(check());
    yield;
  }
  const validation = checks.outcome(found);
  const findings: Finding[] = [
    ...validation.findings,
    ...(naming.success
      ? []
      : [
          invalidNamingPolicy(
            naming.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
            scope.name,
          ),
        ]),
    ...(translation?.namingErrors ?? []).map((error) => ({
      code: error.code,
      severity: 'Error' as const,
      stage: 'classic' as const,
      resourceType: 'NamingPolicy',
      resourceName: error.proposedName,
      message: error.message,
      recommendation: `Change the naming policy so that ${error.object} gets a valid, unique name (${error.rule}).`,
    })),
  ];
  return {
    contents,
    findings,
    blocking: validation.blocking || hasBlockingFindings(findings),
    translation,
    ...(validation.refusal ? { refusal: validation.refusal } : {}),
  };
}

function invalidNamingPolicy(problems: string, scopeName: string): Finding {
  return {
    code: 'NAMING_POLICY_INVALID',
    severity: 'Error',
    stage: 'classic',
    resourceType: 'NamingPolicy',
    resourceName: scopeName,
    message: `The naming policy is not valid: ${problems}.`,
    recommendation:
      'Fix the naming policy (see docs/naming.md for its templates, tokens and overrides) and retry.',
  };
}
