/**
 * The soak run's report: a Markdown summary for stdout, and the same figures as JSON (`--json FILE`).
 */
import { InvariantResult } from './soak-invariants';
import { LatencySummary, SoakError, SoakMetrics } from './soak-metrics';
import { SoakOptions } from './soak-options';

export interface SoakReport {
  options: SoakOptions;
  startedAt: string;
  durationSeconds: number;
  estates: number;
  scopes: number;
  operations: number;
  errors: SoakError[];
  latency: LatencySummary[];
  outcomes: Record<string, number>;
  doorRefusals: Record<string, number>;
  actions: Record<string, number>;
  hostEvents: Record<string, number>;
  /** The dev host's error-level log lines (first 20), for diagnosis. */
  hostErrors: string[];
  invariants: InvariantResult[];
  passed: boolean;
}

export function buildReport(fields: {
  options: SoakOptions;
  startedAt: Date;
  endedAt: Date;
  estates: number;
  scopes: number;
  operations: number;
  metrics: SoakMetrics;
  hostEvents: Record<string, number>;
  hostErrors: string[];
  invariants: InvariantResult[];
}): SoakReport {
  const { metrics, invariants } = fields;
  return {
    options: fields.options,
    startedAt: fields.startedAt.toISOString(),
    durationSeconds: Math.round((fields.endedAt.getTime() - fields.startedAt.getTime()) / 1000),
    estates: fields.estates,
    scopes: fields.scopes,
    operations: fields.operations,
    errors: metrics.errors,
    latency: metrics.latencySummary(),
    outcomes: Object.fromEntries(metrics.outcomes),
    doorRefusals: Object.fromEntries(metrics.doorRefusals),
    actions: Object.fromEntries(metrics.actions),
    hostEvents: fields.hostEvents,
    hostErrors: fields.hostErrors,
    invariants,
    passed: metrics.errors.length === 0 && invariants.every((result) => result.violations.length === 0),
  };
}

export function markdownReport(report: SoakReport): string {
  const lines: string[] = [];
  const table = (header: string[], rows: (string | number)[][]) => {
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  const { options } = report;
  lines.push(
    `## Soak run: ${report.passed ? 'passed' : 'FAILED'}`,
    '',
    `${report.durationSeconds} s (${options.minutes} min of traffic, then the drain), seed ${options.seed}, ` +
      `${options.workers} workers, ${options.lanes} lanes, DEVHOST_FIDELITY=azure (signal delay ≤ ${options.signalDelayMs} ms, ` +
      `duplicates ${options.duplicateProbability}, stale reads ≤ ${options.staleReadMs} ms); ` +
      `${report.estates} estates, ${report.scopes} scopes, ${report.operations} operations.`,
    '',
  );
  table(
    ['errors', 'count'],
    [
      ['unexpected HTTP statuses', report.errors.filter((e) => e.kind === 'httpStatus').length],
      [
        'operations failed for no injected reason, or open too long',
        report.errors.filter((e) => e.kind === 'operation').length,
      ],
      [
        'idempotency keys that started two operations',
        report.errors.filter((e) => e.kind === 'idempotency').length,
      ],
      ['other', report.errors.filter((e) => e.kind === 'invariant').length],
    ],
  );
  table(
    ['JSON API route', 'calls', 'p50 ms', 'p99 ms', 'max ms'],
    report.latency.map((l) => [
      l.group === 'all' ? '**all**' : `\`${l.group}\``,
      l.count,
      l.p50Ms,
      l.p99Ms,
      l.maxMs,
    ]),
  );
  table(
    ['operation outcome', 'count'],
    Object.entries(report.outcomes).sort(([a], [b]) => a.localeCompare(b)),
  );
  table(
    ['refused at the door (409)', 'count'],
    Object.entries(report.doorRefusals).sort(([a], [b]) => a.localeCompare(b)),
  );
  table(
    ['action', 'count'],
    Object.entries(report.actions).sort(([a], [b]) => a.localeCompare(b)),
  );
  table(
    ['dev host event', 'count'],
    Object.entries(report.hostEvents).sort(([a], [b]) => a.localeCompare(b)),
  );
  table(
    ['invariant', 'checked', 'violations'],
    report.invariants.map((i) => [
      i.name,
      i.checked,
      i.violations.length === 0 ? '0' : `**${i.violations.length}**`,
    ]),
  );
  const details = [
    ...report.errors.map((error) => `- ${error.kind}: ${error.detail}`),
    ...report.invariants.flatMap((i) => i.violations.map((violation) => `- ${i.name}: ${violation}`)),
  ];
  if (details.length > 0) lines.push('### Details (first 30)', '', ...details.slice(0, 30), '');
  return lines.join('\n');
}
