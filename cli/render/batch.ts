/** Batches for people: one batch with its scopes, the list of batches, a run's report. */
import type { BatchReport } from '../../shared/domain/batch/batch-report';
import type { batchView } from '../../shared/use-cases/batches/batch-view';
import { time } from './format';
import { table } from './table';

export type BatchView = ReturnType<typeof batchView>;
export type BatchSummary = Omit<BatchView, 'scopes'>;

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

const countsText = (counts: Partial<Record<string, number>>) =>
  Object.entries(counts)
    .map(([status, n]) => `${status} ${n ?? 0}`)
    .join(', ');

function windowText(batch: BatchSummary): string {
  const w = batch.window;
  const zone = w.timeZone ? ` ${w.timeZone}` : '';
  const recur = w.recurEvery ? `, every ${w.recurEvery}` : '';
  const state = w.open
    ? `open until ${time(w.closesAt)}`
    : w.nextOpening
      ? `next opens ${time(w.nextOpening)}`
      : 'closed';
  return `${w.start}${zone} for ${w.durationMinutes} min${recur} (${state})`;
}

export function batchSummaryLines(batch: BatchSummary): string[] {
  return [
    `Batch ${batch.batchId} '${batch.name}': ${batch.status}${batch.note ? ` (${batch.note})` : ''}, run ${batch.run}`,
    `Phases:      ${batch.phases.join(', ')}${batch.autoCommit ? ' (auto-commit)' : ''}; max ${batch.maxConcurrent} at once; on failure ${batch.onFailure}${batch.abortOnFailure ? ', abort' : ''}`,
    `Window:      ${windowText(batch)}`,
    `Scopes:      ${countsText(batch.counts) || 'none yet'}`,
  ];
}

export function batchLines(batch: BatchView): string[] {
  const lines = batchSummaryLines(batch);
  if (batch.scopes.length > 0) {
    lines.push('');
    lines.push(
      indent(
        table(
          ['kind', 'name', 'status', 'state', 'phase/operation', 'note'],
          batch.scopes.map((scope) => [
            scope.kind,
            scope.name,
            scope.status,
            scope.state,
            scope.phase ? `${scope.phase} ${scope.operationId ?? ''}`.trim() : scope.operationId,
            scope.note,
          ]),
        ),
      ),
    );
  }
  return lines;
}

export function batchListTable(batches: readonly BatchSummary[]): string {
  return table(
    ['batch id', 'name', 'status', 'phases', 'window', 'scopes'],
    batches.map((batch) => [
      batch.batchId,
      batch.name,
      batch.status,
      batch.phases.join(','),
      windowText(batch),
      countsText(batch.counts),
    ]),
  );
}

export function reportLines(report: BatchReport): string[] {
  const lines = [
    `Report of batch ${report.batchId} '${report.name}', run ${report.run}: ${report.status}${report.finishedAt ? `, finished ${time(report.finishedAt)}` : ''}`,
    `Scopes:      ${report.scopes}`,
    `By state:    ${countsText(report.byState)}`,
    `By status:   ${countsText(report.byStatus)}`,
  ];
  if (report.findings.length > 0) {
    lines.push('', 'Findings:');
    lines.push(
      indent(
        table(
          ['severity', 'code', 'scopes', 'example'],
          report.findings.map((finding) => [
            finding.severity,
            finding.code,
            finding.scopes.map((scope) => `${scope.name} (${scope.count})`).join(', '),
            finding.example,
          ]),
        ),
      ),
    );
  }
  if (report.findingsOmitted > 0)
    lines.push(`(${report.findingsOmitted} findings not recorded on operations: see each scope's status)`);
  return lines;
}
