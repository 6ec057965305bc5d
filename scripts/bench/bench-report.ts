/** The benchmark's results: the JSON document (`--json`) and the Markdown report on stdout. */
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';

import type { PhaseResult, RunResult } from './estate-run';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  node: string;
  platform: string;
  arch: string;
  /** 1, 5 and 15-minute load averages when the run started: other work on the machine shows here. */
  loadAverageAtStart: number[];
}

export function describeMachine(): MachineDescription {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${platform()} ${release()}`,
    arch: arch(),
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export interface CurvePoint {
  vms: number;
  endToEndSeconds: number;
  /** End-to-end milliseconds per VM, import included. */
  msPerVm: number;
  vmsPerSecond: number;
  ceilingRatio: number | null;
}

export interface BenchResults extends RunResult {
  benchmark: 'classic-migration-estate';
  startedAt: string;
  machine: MachineDescription;
  /** Where it ran: a dev host the benchmark started (with its worker count), or a service it was given. */
  target:
    { kind: 'own-dev-host'; workers: number; azurite: 'memory' | 'disk' } | { kind: 'base'; url: string };
  /** With `--curve`: one point per size, smallest first; the top-level figures are the largest size's. */
  curve?: CurvePoint[];
  /** With `--curve`: every size's full results. */
  runs?: RunResult[];
}

export function curvePoint(run: RunResult): CurvePoint {
  return {
    vms: run.vms,
    endToEndSeconds: run.endToEndSeconds,
    msPerVm: (run.endToEndSeconds * 1000) / run.vms,
    vmsPerSecond: run.vmsPerSecond,
    ceilingRatio: run.ceilingRatio,
  };
}

const fixed = (value: number | undefined | null, digits = 1) =>
  value === undefined || value === null ? '–' : value.toFixed(digits);
const integer = (value: number | undefined) => (value === undefined ? '–' : String(Math.round(value)));

function phaseRow(phase: PhaseResult): string {
  const table = phase.counts?.storage.table;
  const queue = phase.counts?.storage.queue;
  return `| ${[
    phase.phase,
    fixed(phase.seconds),
    fixed(phase.serviceSeconds),
    `${phase.succeeded}/${phase.items}`,
    String(phase.failed),
    phase.operationSeconds
      ? `${fixed(phase.operationSeconds.p50)} / ${fixed(phase.operationSeconds.p95)} / ${fixed(phase.operationSeconds.max)}`
      : '–',
    integer(table?.reads),
    integer(phase.counts?.tableEntityWrites),
    integer(table?.transactions),
    integer(table?.conflicts),
    integer(queue?.sends),
    integer(queue?.receives),
    integer(queue?.deletes),
  ].join(' | ')} |`;
}

export function markdownReport(results: BenchResults): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push('## Migration benchmark', '');
  lines.push(
    `${results.vms} VMs in ${results.scopes} scopes (${results.shape.virtualNetworks} VNets of ${results.shape.cloudServicesPerVirtualNetwork} cloud services × ${results.shape.vmsPerCloudService} VMs, ${results.shape.standaloneCloudServices} standalone cloud services × ${results.shape.vmsPerStandaloneCloudService} VMs) in ${results.subscriptions} subscription(s), seed ${results.seed}; ` +
      (results.target.kind === 'own-dev-host'
        ? `own dev host, ${results.target.workers} worker(s), Azurite in ${results.target.azurite}.`
        : `service at ${results.target.url}.`),
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryMb} MB, Node ${m.node}, ${m.platform} ${m.arch}, load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    '',
  );
  lines.push('| figure | value |', '| --- | --- |');
  const rows: [string, string][] = [
    ['VMs per second (end to end, import included)', fixed(results.vmsPerSecond, 2)],
    ['end to end (s)', fixed(results.endToEndSeconds)],
    ['ms per VM', fixed((results.endToEndSeconds * 1000) / results.vms)],
    ['ceilingRatio (table entity writes/s ÷ raw ceiling)', fixed(results.ceilingRatio, 3)],
    ['queue sends/s ÷ raw ceiling', fixed(results.queueCeilingRatio, 3)],
    ['table entity writes/s by the host', fixed(results.tableEntityWritesPerSecond)],
    [
      'raw ceiling: table entity writes/s (100-entity transactions)',
      fixed(results.ceiling?.tableEntityWritesPerSecond),
    ],
    ['raw ceiling: queue sends/s', fixed(results.ceiling?.queueSendsPerSecond)],
    ['peak memory of dev host + workers (MB, sampled RSS sum)', fixed(results.peakMemoryMb, 0)],
    [
      'sum of their RSS high-water marks (MB)',
      fixed(
        results.memory?.hostHighWaterSumBytes === undefined
          ? undefined
          : results.memory.hostHighWaterSumBytes / 1048576,
        0,
      ),
    ],
    [
      'Azurite peak RSS (MB)',
      fixed(
        results.memory?.azuritePeakBytes === undefined
          ? undefined
          : results.memory.azuritePeakBytes / 1048576,
        0,
      ),
    ],
    ['documents imported (MB)', `${results.documents} (${fixed(results.importMegabytes)})`],
    [
      'benchmark requests: imports / starts / status polls',
      `${results.requests.imports} / ${results.requests.starts} / ${results.requests.polls}`,
    ],
  ];
  for (const [label, value] of rows) lines.push(`| ${label} | ${value} |`);
  lines.push('');
  lines.push(
    '| phase | s | service s | ok/scopes | failed | per op p50 / p95 / max s | table reads | table entity writes | transactions | conflicts | queue sends | queue receives | queue deletes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const phase of results.phases) lines.push(phaseRow(phase));
  if (results.counts) {
    const total: PhaseResult = {
      phase: 'import',
      seconds: results.endToEndSeconds,
      items: results.scopes,
      succeeded: results.phases.at(-1)?.succeeded ?? 0,
      failed: results.phases.reduce((sum, phase) => sum + phase.failed, 0),
      counts: results.counts,
    };
    lines.push(phaseRow(total).replace(/^\| import/, '| **total**'));
  }
  const probed = results.phases.filter((phase) => phase.probe);
  if (probed.length > 0) {
    lines.push('', '| phase | probes | longest health GET (ms) | longest entity read (ms) | failed probes |');
    lines.push('| --- | --- | --- | --- | --- |');
    for (const phase of probed)
      lines.push(
        `| ${phase.phase} | ${phase.probe?.samples} | ${fixed(phase.probe?.healthMaxMs, 0)} | ${fixed(phase.probe?.entityMaxMs, 0)} | ${phase.probe?.failures} |`,
      );
  }
  if (results.counts && Object.keys(results.counts.invocations).length > 0) {
    lines.push(
      '',
      '| function | invocations | failed | total s | mean ms |',
      '| --- | --- | --- | --- | --- |',
    );
    const byTime = Object.entries(results.counts.invocations).sort((a, b) => b[1].totalMs - a[1].totalMs);
    for (const [name, counts] of byTime)
      lines.push(
        `| ${name} | ${counts.count} | ${counts.failed} | ${fixed(counts.totalMs / 1000)} | ${fixed(counts.totalMs / Math.max(1, counts.count))} |`,
      );
  }
  if (results.curve) {
    lines.push(
      '',
      '| VMs | end to end (s) | ms per VM | VMs/s | ceilingRatio |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const point of results.curve)
      lines.push(
        `| ${point.vms} | ${fixed(point.endToEndSeconds)} | ${fixed(point.msPerVm)} | ${fixed(point.vmsPerSecond, 2)} | ${fixed(point.ceilingRatio, 3)} |`,
      );
  }
  if (results.failures.length > 0) {
    lines.push('', `Failures (first ${results.failures.length}):`, '');
    for (const failure of results.failures.slice(0, 10)) lines.push(`- ${failure.slice(0, 300)}`);
  }
  lines.push(
    '',
    'ceilingRatio = (table entity writes the dev host made ÷ end-to-end seconds) ÷ (entity writes/s the same Azurite took in 100-entity transactions, in parallel across partitions). Counts are the dev host’s own storage calls (GET /admin/host/stats), benchmark status polls included.',
  );
  return lines.join('\n');
}
