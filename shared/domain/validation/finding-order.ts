/**
 * The deterministic order of findings: blocking first (Error, Warning, Information), then Validate-stage
 * before pre-flight, then by resource, VM, code and message — ordinal string comparison, so the order
 * never depends on a locale. Pure.
 */
import { checkStages, type Finding, severities } from './finding';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    checkStages.indexOf(a.stage) - checkStages.indexOf(b.stage) ||
    compareText(a.resourceType, b.resourceType) ||
    compareText(a.resourceName, b.resourceName) ||
    compareText(a.virtualMachineName ?? '', b.virtualMachineName ?? '') ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Sorted copy without exact duplicates (two rules paths may report the same thing twice). */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings].sort(compareFindings).filter((finding) => {
    const key = JSON.stringify([
      finding.code,
      finding.resourceType,
      finding.resourceName,
      finding.virtualMachineName ?? null,
      finding.message,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
