/**
 * Validate, and the validation Prepare runs before it may lock anything.
 *
 * Validate reads the Classic state only (as Azure's did) unless the caller asks for the pre-flight checks
 * too; Prepare always runs both. An operation whose validation finds an Error fails with code
 * `ValidationFailed` (Azure: "Validation failed.  Please see ValidationMessages for details") and carries
 * every finding; a scope that does not exist fails with `ResourceNotFound` and Azure's not-found text.
 */
import { hasBlockingFindings } from '../../domain/validation/finding';
import { loadAndAnalyse } from '../load-analysis';
import { overlappingMigrationRefusal } from '../overlapping-migrations';
import type { ScopeAnalysis } from '../scope-analysis';
import { cachedInventoryStores } from './cached-inventory';
import type { PhaseRun } from './phase-context';
import type { PhaseOutcome } from './phase-outcome';

export async function runValidate(run: PhaseRun): Promise<PhaseOutcome> {
  const { deps, command } = run;
  const includePreflight = command.options.includePreflight ?? false;
  const { services } = deps;
  const { analysis } = await loadAndAnalyse(
    // The inventory as of its current version, loaded once per version for every operation of the
    // subscription (a burst of Validates no longer scans its partition each).
    cachedInventoryStores(services),
    deps.analyse,
    command.scope,
    command.options,
    includePreflight,
  );
  return validationOutcome(analysis, false) ?? { status: 'Succeeded', findings: analysis.findings };
}

/**
 * Prepare's validation with pre-flight, and the overlap check admission made (a scope sharing resources
 * may have started its migration since); undefined when Prepare may go on.
 */
export async function precheckPrepare(run: PhaseRun): Promise<PhaseOutcome | undefined> {
  const { deps, command } = run;
  const { analysis, inventory } = await loadAndAnalyse(
    cachedInventoryStores(deps.services),
    deps.analyse,
    command.scope,
    command.options,
    true,
  );
  const failed = validationOutcome(analysis, true);
  if (failed) return failed;
  const overlap = await overlappingMigrationRefusal(deps.entity, inventory, command.scope, 'prepare');
  return (
    overlap && {
      status: 'Failed',
      decision: 'refused',
      findings: analysis.findings,
      error: { code: overlap.code, message: overlap.message, httpStatusCode: 409 },
    }
  );
}

/** The failed outcome of an analysis, or undefined when it does not block. */
export function validationOutcome(analysis: ScopeAnalysis, forPrepare: boolean): PhaseOutcome | undefined {
  if (analysis.refusal) {
    return {
      status: 'Failed',
      findings: [],
      error: {
        code: analysis.refusal.code,
        message: analysis.refusal.message,
        httpStatusCode: analysis.refusal.httpStatus,
      },
    };
  }
  const notFound = analysis.contents === undefined;
  if (!notFound && !hasBlockingFindings(analysis.findings)) return undefined;
  const firstError = analysis.findings.find((finding) => finding.severity === 'Error');
  return {
    status: 'Failed',
    findings: analysis.findings,
    error: notFound
      ? {
          code: 'ResourceNotFound',
          message: firstError?.message ?? 'The scope does not exist.',
          httpStatusCode: 404,
        }
      : {
          code: 'ValidationFailed',
          message: forPrepare
            ? `Prepare stopped: validation found ${countErrors(analysis)} error(s). First: ${firstError?.message ?? ''}`
            : `Validation failed.  Please see ValidationMessages for details`,
          httpStatusCode: 400,
        },
  };
}

function countErrors(analysis: ScopeAnalysis): number {
  return analysis.findings.filter((finding) => finding.severity === 'Error').length;
}
