/**
 * The analysis of a scope: resolve it, translate it, validate it (with the planned ARM resources, so the
 * pre-flight quota checks count what Prepare would create), and turn naming-policy errors into blocking
 * findings. Pure: the phases, the status API and the Service Management API all call it.
 */
import { namingPolicySchema } from '../domain/naming/naming-policy';
import { resolveScope } from '../domain/scope/scope-contents';
import { translateScope } from '../domain/translation/translate-scope';
import type { TranslationResult } from '../domain/translation/translation-result';
import { type Finding, hasBlockingFindings } from '../domain/validation/finding';
import { validateScope } from '../domain/validation/validate-scope';
import type { AnalysisInput, ScopeAnalysis } from './scope-analysis';

export function analyseScope(input: AnalysisInput): ScopeAnalysis {
  const { inventory, scope, options, existingArm } = input;
  const contents = resolveScope(inventory, scope);
  const naming = namingPolicySchema.safeParse(options.naming ?? {});
  const translation: TranslationResult | undefined =
    contents &&
    translateScope({
      inventory,
      scope,
      contents,
      ...(options.destination ? { destination: options.destination } : {}),
      ...(naming.success ? { naming: naming.data } : {}),
      existingArm: { resources: existingArm.resources },
    });
  const validation = validateScope(
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
