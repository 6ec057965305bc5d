/**
 * Benchmark: a synthetic Classic estate of many scopes migrated end to end.
 *
 *   npm run bench -- --vms 1000 --workers 2 --json bench.json   # builds, then runs dist/scripts/benchmark-migration.js
 *   node dist/scripts/benchmark-migration.js --curve 1000,5000,10000
 *   node dist/scripts/benchmark-migration.js --vms 400 --base http://localhost:7071 --probe
 *   node dist/scripts/benchmark-migration.js --vms 2000 --services-per-vnet 40 --per-service 50 --in-process
 *
 * Unless `--base` names a running service, it starts its own dev host (`--workers K`, Azurite in memory on
 * free ports, fresh data) and stops it at the end. It generates the estate from the seed
 * (bench/synthetic-estate.ts: VNets of cloud services of VMs, plus cloud services outside any VNet, within
 * Classic's limits), measures the raw ceiling of the same Azurite (bench/storage-ceiling.ts), imports the
 * estate through `POST /api/inventory/import` as Service Management XML, and runs Validate (with
 * pre-flight), Prepare and Commit for every scope through the service — HTTP → Service Bus (Azurite queues
 * on the dev host) → phase functions → the scope entity → Tables — all scopes in flight at once
 * (bench/estate-run.ts). It prints a Markdown report (bench/bench-report.ts) and, with `--json`, writes
 * the figures: `vmsPerSecond` (VMs ÷ end-to-end seconds, import included), `ceilingRatio` (the table entity
 * writes the dev host made per second ÷ the raw 100-entity-transaction ceiling), per-phase times, the dev
 * host's storage and invocation counts (`GET /admin/host/stats`), peak memory, and the machine.
 *
 * It asserts nothing on speed (test/scripts/benchmark-migration.test.ts only checks that a small run
 * completes); exit code 1 when a scope failed or the run broke off.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { virtualMachinesInScope } from '../shared/domain/scope/scope-contents';
import { analyseScope, analyseScopeInSlices } from '../shared/use-cases/analyse-scope';
import type { AnalysisInput } from '../shared/use-cases/scope-analysis';
import { type DevHost, startDevHost } from '../test/support/devhost';
import { type BenchOptions, benchUsage, parseBenchOptions } from './bench/bench-options';
import { type BenchResults, curvePoint, describeMachine, markdownReport } from './bench/bench-report';
import { progress } from './bench/bench-support';
import { runEstate, type RunResult } from './bench/estate-run';
import { shapeForVms, syntheticEstate } from './bench/synthetic-estate';

/** One size: a dev host of its own (or the given service), the estate through it, the host stopped. */
async function runSize(options: BenchOptions, vms: number): Promise<RunResult> {
  const shape = shapeForVms(vms, options.shapeOverrides);
  const runId = randomUUID().slice(0, 8);
  // A service that was given may hold earlier runs: fresh subscription ids then; the estate is the same.
  const estate = syntheticEstate({
    seed: options.seed,
    shape,
    ...(options.base ? { subscriptionId: () => randomUUID() } : {}),
  });
  let host: DevHost | undefined;
  // Interrupted, the dev host goes down with the benchmark rather than outliving it.
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping`);
    void (host?.kill() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (!options.base) {
      progress(`starting a dev host with ${options.workers} worker(s)`);
      host = await startDevHost({
        workers: options.workers,
        startTimeoutMs: 120_000,
        ...(options.disk ? { dataDir: mkdtempSync(join(tmpdir(), 'bench-devhost-')) } : {}),
        env: { DEVHOST_LOG_LEVEL: options.logLevel, FAULTS_ENABLED: 'false' },
      });
    }
    const base = host?.baseUrl ?? options.base ?? '';
    return await runEstate({
      base,
      storageConnectionString: host?.storageConnectionString ?? options.storage,
      estate,
      runId,
      options,
      progress,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (host) {
      progress('stopping the dev host');
      await host.stop();
    }
  }
}

async function throughTheService(options: BenchOptions): Promise<boolean> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const runs: RunResult[] = [];
  for (const size of options.sizes) runs.push(await runSize(options, size));
  const last = runs[runs.length - 1];
  if (!last) throw new Error('No size to run.');
  const results: BenchResults = {
    benchmark: 'classic-migration-estate',
    startedAt,
    machine,
    target: options.base
      ? { kind: 'base', url: options.base }
      : { kind: 'own-dev-host', workers: options.workers, azurite: options.disk ? 'disk' : 'memory' },
    ...last,
    ...(options.curve ? { curve: runs.map(curvePoint), runs } : {}),
  };
  process.stdout.write(`${markdownReport(results)}\n`);
  if (options.jsonPath) writeFileSync(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  return runs.every((run) => run.failures.length === 0);
}

/** Runs `analysis` while a 5 ms timer records the longest time the event loop did not answer. */
async function timedAnalysis(analysis: () => unknown): Promise<{ seconds: number; longestBlockMs: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  await analysis();
  const seconds = (performance.now() - started) / 1000;
  longest = Math.max(longest, performance.now() - last - 5);
  clearInterval(timer);
  return { seconds, longestBlockMs: Math.max(0, longest) };
}

/** No service: the analysis of the first VNet and the first standalone cloud service, at once and in slices. */
async function inProcess(options: BenchOptions): Promise<boolean> {
  const estate = syntheticEstate({
    seed: options.seed,
    shape: shapeForVms(options.sizes[0] ?? 0, options.shapeOverrides),
  });
  const subscription = estate.subscriptions[0];
  if (!subscription) throw new Error('The estate is empty.');
  const rows: [string, string][] = [];
  for (const kind of ['virtualNetwork', 'cloudService'] as const) {
    const scope = subscription.scopes.find((candidate) => candidate.kind === kind);
    if (!scope) continue;
    const input: AnalysisInput = {
      inventory: subscription.inventory,
      scope,
      options: {},
      includePreflight: true,
      existingArm: { resourceGroups: [], resources: [] },
    };
    // A first run warms the JIT, so the two measured runs compare like with like.
    const warm = analyseScope(input);
    const atOnce = await timedAnalysis(() => analyseScope(input));
    const sliced = await timedAnalysis(() => analyseScopeInSlices(input));
    rows.push(
      [
        `${kind} ${scope.name}`,
        `${warm.contents ? virtualMachinesInScope(warm.contents).length : 0} VMs, ${warm.findings.length} findings`,
      ],
      ['  analysis at once (s)', atOnce.seconds.toFixed(3)],
      ['    longest event-loop block (ms)', atOnce.longestBlockMs.toFixed(0)],
      ['  analysis in slices (s)', sliced.seconds.toFixed(3)],
      ['    longest event-loop block (ms)', sliced.longestBlockMs.toFixed(0)],
    );
  }
  for (const [label, value] of rows) console.log(`${label.padEnd(40)} ${value}`);
  return true;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nSee --help.\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(benchUsage);
    return;
  }
  const passed = options.inProcess ? await inProcess(options) : await throughTheService(options);
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
