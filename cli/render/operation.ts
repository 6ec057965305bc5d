/** How an operation and its findings read for people: the outcome, data-plane changes, errors with what to do. */
import type { OperationRecord } from '../../shared/contracts/operation-record';
import type { Finding } from '../../shared/domain/validation/finding';
import { count } from './format';

/** `2 errors, 1 warning, 0 information`. */
export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): string {
  const of = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return `${count(of('Error'), 'error')}, ${count(of('Warning'), 'warning')}, ${of('Information')} information`;
}

export function hasErrors(findings: readonly Pick<Finding, 'severity'>[] | undefined): boolean {
  return (findings ?? []).some((finding) => finding.severity === 'Error');
}

const where = (finding: Finding) =>
  `${finding.resourceType} ${finding.resourceName}${finding.virtualMachineName ? `/${finding.virtualMachineName}` : ''}`;

/** Errors with their recommendation; warnings one line each; information counted only. */
export function findingLines(findings: readonly Finding[], omitted = 0): string[] {
  const lines = [
    `Findings: ${severityCounts(findings)}${omitted > 0 ? ` (${omitted} more not recorded)` : ''}`,
  ];
  for (const finding of findings.filter((f) => f.severity === 'Error')) {
    lines.push(`  Error ${finding.code} (${where(finding)}): ${finding.message}`);
    lines.push(`    recommendation: ${finding.recommendation}`);
  }
  for (const finding of findings.filter((f) => f.severity === 'Warning'))
    lines.push(`  Warning ${finding.code} (${where(finding)}): ${finding.message}`);
  return lines;
}

/** The end of an operation, for `--wait`. */
export function outcomeLines(label: string, record: OperationRecord): string[] {
  const lines = [
    `${label}: ${record.status}${record.resultingState ? `, state ${record.resultingState}` : ''} (operation ${record.operationId})`,
  ];
  if (record.error) lines.push(`  error: ${record.error.code}: ${record.error.message}`);
  if (record.armResourceCount !== undefined) lines.push(`  ARM resources: ${record.armResourceCount}`);
  for (const effect of record.dataPlaneEffects ?? []) {
    const changes = [effect.actions.join(', ')];
    if (effect.internalIp)
      changes.push(`internal IP ${effect.internalIp.before ?? '?'} -> ${effect.internalIp.after ?? '?'}`);
    if (effect.vip) changes.push(`VIP ${effect.vip.before ?? '?'} -> ${effect.vip.after ?? '?'}`);
    lines.push(
      `  ${effect.cloudService}/${effect.virtualMachine}: ${changes.filter((c) => c !== '').join('; ')}`,
    );
  }
  if (record.findings) lines.push(...findingLines(record.findings, record.findingsOmitted ?? 0));
  return lines;
}
