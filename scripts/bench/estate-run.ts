/**
 * One benchmark run against a running service: import the synthetic estate through the import API (as a
 * user would: register each subscription, then post its network configuration, its storage accounts and each
 * cloud service), then Validate (with pre-flight), Prepare and Commit every scope, then measure the raw
 * storage ceiling. Each phase starts every scope's operation, then polls them until each has ended, so many
 * scopes are in flight at once (a scope's operations are serialised by its own session and entity, scopes
 * run in parallel). The dev host's counters are read between phases.
 */
import { performance } from 'node:perf_hooks';

import { migrationScopeEntity } from '../../shared/contracts/names';
import { forEachLimit } from '../../shared/domain/concurrency';
import { scopeKey, scopeKindPaths, type ScopeRef } from '../../shared/domain/scope/scope';
import type { BenchOptions } from './bench-options';
import {
  countsBetween,
  type CountsDelta,
  fetchHostStats,
  type MemoryPeaks,
  MemorySampler,
} from './host-monitor';
import { measureStorageCeiling, type StorageCeiling } from './storage-ceiling';
import { estateDocuments, type EstateShape, type SyntheticEstate } from './synthetic-estate';

export type PhaseName = 'import' | 'validate' | 'prepare' | 'commit';
export const migrationPhases = ['validate', 'prepare', 'commit'] as const;

/** Operations polled per round, oldest first (see the polling loop in `runEstate`). */
const pollWindow = 8;

export interface ProbeFigures {
  samples: number;
  healthMaxMs: number;
  entityMaxMs: number;
  failures: number;
}

export interface PhaseResult {
  phase: PhaseName;
  /** Wall-clock seconds from the first request of the phase to the last completion seen. */
  seconds: number;
  /** Operations: from the first `requestedAt` to the last `finishedAt` the service recorded. */
  serviceSeconds?: number;
  /** Documents imported, or scopes whose operation was started. */
  items: number;
  succeeded: number;
  failed: number;
  /** Operations: seconds from request to end, per scope. */
  operationSeconds?: { p50: number; p95: number; max: number };
  counts?: CountsDelta;
  probe?: ProbeFigures;
}

export interface RunResult {
  seed: number;
  shape: EstateShape;
  vms: number;
  scopes: number;
  subscriptions: number;
  documents: number;
  importMegabytes: number;
  /** Seconds from the first import request to the last commit seen to end. */
  endToEndSeconds: number;
  vmsPerSecond: number;
  phases: PhaseResult[];
  /** The whole run, import to last commit. */
  counts?: CountsDelta;
  ceiling?: StorageCeiling;
  /** Entity writes per second the host made during the run (single writes plus transaction contents). */
  tableEntityWritesPerSecond?: number;
  /**
   * The table entity writes the dev host made per second of the run, divided by the raw ceiling of the same
   * Azurite (entity writes per second through 100-entity transactions, `concurrency` in flight). Near 1:
   * the run is bound by table writes; far below: the time goes elsewhere. Null without counts or ceiling.
   */
  ceilingRatio: number | null;
  /** The same for queue sends: the host's sends per second ÷ raw single-message sends per second. */
  queueCeilingRatio: number | null;
  memory?: MemoryPeaks;
  /** The largest sampled sum of the resident memory of the dev host's primary and workers, in MB. */
  peakMemoryMb: number | null;
  workers?: number;
  requests: { imports: number; starts: number; polls: number; failedRequests: number };
  failures: string[];
}

interface Phase {
  name: PhaseName;
  started: number;
}

/** Health GET and entity read latency, sampled every 100 ms, longest per phase. */
class Probe {
  readonly #base: string;
  readonly #entityUrl: string;
  readonly #figures = new Map<PhaseName, ProbeFigures>();
  #phase: PhaseName = 'import';
  #running = true;
  readonly #loop: Promise<void>;

  constructor(base: string, scope: ScopeRef) {
    this.#base = base;
    this.#entityUrl = `${base}/runtime/webhooks/durabletask/entities/${migrationScopeEntity}/${scopeKey(scope)}`;
    this.#loop = this.#run();
  }

  set phase(phase: PhaseName) {
    this.#phase = phase;
  }

  figures(phase: PhaseName): ProbeFigures | undefined {
    return this.#figures.get(phase);
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  async #run(): Promise<void> {
    const timed = async (url: string, figures: ProbeFigures): Promise<number> => {
      const started = performance.now();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        if (response.status >= 500) figures.failures++;
      } catch {
        figures.failures++;
      }
      return performance.now() - started;
    };
    while (this.#running) {
      const figures = this.#figures.get(this.#phase) ?? {
        samples: 0,
        healthMaxMs: 0,
        entityMaxMs: 0,
        failures: 0,
      };
      this.#figures.set(this.#phase, figures);
      const [health, entity] = await Promise.all([
        timed(`${this.#base}/api/health`, figures),
        timed(this.#entityUrl, figures),
      ]);
      figures.samples++;
      figures.healthMaxMs = Math.max(figures.healthMaxMs, health);
      figures.entityMaxMs = Math.max(figures.entityMaxMs, entity);
      await delay(100);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface OperationView {
  operationId: string;
  status: string;
  requestedAt?: string;
  finishedAt?: string;
  error?: { code?: string; message?: string };
}

/** The JSON API calls the run makes, with retries of network failures (every call here is idempotent). */
class ServiceApi {
  readonly base: string;
  readonly requests = { imports: 0, starts: 0, polls: 0, failedRequests: 0 };
  readonly #runId: string;

  constructor(base: string, runId: string) {
    this.base = base;
    this.#runId = runId;
  }

  async #send(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(300_000) });
        return { status: response.status, text: await response.text() };
      } catch (error) {
        this.requests.failedRequests++;
        if (attempt >= 4) throw error;
        await delay(500 * attempt);
      }
    }
  }

  async register(subscriptionId: string): Promise<void> {
    const { status, text } = await this.#send(
      `${this.base}/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/register?api-version=2016-09-01`,
      { method: 'POST' },
    );
    if (status >= 300) throw new Error(`registering ${subscriptionId}: ${status} ${text.slice(0, 300)}`);
  }

  async import(subscriptionId: string, label: string, xml: string): Promise<void> {
    this.requests.imports++;
    const { status, text } = await this.#send(
      `${this.base}/api/inventory/import?subscriptionId=${encodeURIComponent(subscriptionId)}`,
      { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml },
    );
    if (status !== 200) throw new Error(`importing ${label}: ${status} ${text.slice(0, 300)}`);
  }

  async start(scope: ScopeRef, action: string, options: unknown): Promise<string> {
    this.requests.starts++;
    const path = `/api/migrations/${scopeKindPaths[scope.kind]}/${encodeURIComponent(scope.name)}/${action}`;
    const { status, text } = await this.#send(
      `${this.base}${path}?subscriptionId=${encodeURIComponent(scope.subscriptionId)}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // A retried start is the same operation, not a second one.
          'idempotency-key': `bench-${this.#runId}-${scopeKey(scope)}-${action}`,
        },
        body: JSON.stringify(options),
      },
    );
    if (status !== 202 && status !== 200)
      throw new Error(`${action} ${scope.name}: ${status} ${text.slice(0, 300)}`);
    const { operationId } = JSON.parse(text) as { operationId?: string };
    if (!operationId) throw new Error(`${action} ${scope.name}: no operationId in ${text.slice(0, 300)}`);
    return operationId;
  }

  async operation(operationId: string): Promise<OperationView> {
    this.requests.polls++;
    const { status, text } = await this.#send(
      `${this.base}/api/operations/${encodeURIComponent(operationId)}`,
      {
        method: 'GET',
      },
    );
    if (status !== 200) throw new Error(`GET operation ${operationId}: ${status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as OperationView;
  }
}

export interface RunSettings {
  base: string;
  /** Storage to measure the ceiling on; without it there is no ceiling. */
  storageConnectionString: string | undefined;
  estate: SyntheticEstate;
  runId: string;
  options: BenchOptions;
  progress: (text: string) => void;
}

export async function runEstate(settings: RunSettings): Promise<RunResult> {
  const { base, estate, options, progress } = settings;
  const api = new ServiceApi(base, settings.runId);
  const failures: string[] = [];
  const fail = (text: string) => {
    if (failures.length < 50) failures.push(text);
  };

  const firstStats = await fetchHostStats(base);
  const sampler = firstStats ? new MemorySampler(base).start() : undefined;
  const firstScope = estate.subscriptions.flatMap((subscription) => subscription.scopes)[0];
  const probe = options.probe && firstScope ? new Probe(base, firstScope) : undefined;
  const phases: PhaseResult[] = [];
  let previousStats = firstStats;
  const endPhase = async (
    phase: Phase,
    result: Omit<PhaseResult, 'phase' | 'seconds' | 'counts' | 'probe'>,
  ) => {
    const seconds = (Date.now() - phase.started) / 1000;
    const stats = previousStats ? await fetchHostStats(base) : undefined;
    if (stats) sampler?.record(stats);
    const counts = previousStats && stats ? countsBetween(previousStats, stats) : undefined;
    previousStats = stats;
    const figures = probe?.figures(phase.name);
    phases.push({
      phase: phase.name,
      seconds,
      ...result,
      ...(counts ? { counts } : {}),
      ...(figures ? { probe: figures } : {}),
    });
    progress(
      `${phase.name}: ${seconds.toFixed(1)} s, ${result.succeeded} succeeded, ${result.failed} failed`,
    );
  };

  // Import.
  const runStarted = Date.now();
  const importPhase: Phase = { name: 'import', started: runStarted };
  const documents = estate.subscriptions.map((subscription) => ({
    subscription,
    documents: estateDocuments(subscription),
  }));
  const documentCount = documents.reduce((sum, entry) => sum + entry.documents.length, 0);
  const importBytes = documents.reduce(
    (sum, entry) =>
      sum + entry.documents.reduce((bytes, document) => bytes + Buffer.byteLength(document.xml), 0),
    0,
  );
  progress(
    `importing ${estate.vmCount} VMs in ${estate.subscriptions.length} subscription(s): ${documentCount} documents, ${(importBytes / 1e6).toFixed(1)} MB`,
  );
  let imported = 0;
  let importFailed = 0;
  // The network configuration (and storage accounts) of each subscription first, then every cloud service.
  await forEachLimit(documents, options.importConcurrency, async ({ subscription, documents: list }) => {
    await api.register(subscription.subscriptionId);
    for (const document of list.slice(0, 2)) {
      await api.import(subscription.subscriptionId, document.label, document.xml);
      imported++;
    }
  });
  const services = documents.flatMap(({ subscription, documents: list }) =>
    list.slice(2).map((document) => ({ subscriptionId: subscription.subscriptionId, document })),
  );
  await forEachLimit(services, options.importConcurrency, async ({ subscriptionId, document }) => {
    try {
      await api.import(subscriptionId, document.label, document.xml);
      imported++;
    } catch (error) {
      importFailed++;
      fail(String(error));
    }
  });
  await endPhase(importPhase, { items: documentCount, succeeded: imported, failed: importFailed });

  // Validate, Prepare, Commit: a scope goes on only if its previous phase succeeded.
  let scopes = estate.subscriptions.flatMap((subscription) => subscription.scopes);
  for (const action of migrationPhases) {
    if (probe) probe.phase = action;
    const phase: Phase = { name: action, started: Date.now() };
    const pending = new Map<string, ScopeRef>();
    const ended: { scope: ScopeRef; record: OperationView }[] = [];
    let failed = 0;
    await forEachLimit(scopes, options.submitConcurrency, async (scope) => {
      try {
        pending.set(
          await api.start(scope, action, action === 'validate' ? { includePreflight: true } : {}),
          scope,
        );
      } catch (error) {
        failed++;
        fail(String(error));
      }
    });
    progress(`${action}: ${pending.size} operations started; polling`);
    const deadline = phase.started + options.timeoutSeconds * 1000;
    const started = pending.size;
    let reported = Date.now();
    while (pending.size > 0) {
      const round = Date.now();
      const pendingBefore = pending.size;
      if (round - reported >= 30_000) {
        reported = round;
        progress(
          `${action}: ${started - pending.size}/${started} ended after ${((round - phase.started) / 1000).toFixed(0)} s`,
        );
      }
      if (round > deadline) {
        for (const scope of pending.values())
          fail(`${action} ${scope.name}: still running after ${options.timeoutSeconds} s`);
        failed += pending.size;
        pending.clear();
        break;
      }
      // Oldest first, a window per round: operations of a phase end roughly in the order they started
      // (sessions take scopes in order), so polling every pending operation each round would mostly
      // load the service with the benchmark's own status reads (at 10k VMs: thousands of them while the
      // phase runs). A phase ends when its last operation does, so its measured end moves by a round at
      // most.
      await forEachLimit([...pending].slice(0, pollWindow), 4, async ([operationId, scope]) => {
        let record: OperationView;
        try {
          record = await api.operation(operationId);
        } catch (error) {
          fail(String(error));
          return;
        }
        if (record.status !== 'Succeeded' && record.status !== 'Failed') return;
        pending.delete(operationId);
        ended.push({ scope, record });
        if (record.status === 'Failed') {
          failed++;
          fail(`${action} ${scope.name}: ${record.error?.code ?? ''} ${record.error?.message ?? ''}`.trim());
        }
      });
      // A round that saw operations end polls the next ones at once; only a round that saw none waits.
      if (pending.size === pendingBefore)
        await delay(Math.max(0, options.pollIntervalMs - (Date.now() - round)));
    }
    const succeeded = ended.filter((entry) => entry.record.status === 'Succeeded');
    const durations = ended
      .flatMap(({ record }) =>
        record.requestedAt && record.finishedAt
          ? [(Date.parse(record.finishedAt) - Date.parse(record.requestedAt)) / 1000]
          : [],
      )
      .sort((a, b) => a - b);
    const requested = ended.flatMap(({ record }) =>
      record.requestedAt ? [Date.parse(record.requestedAt)] : [],
    );
    const finished = ended.flatMap(({ record }) =>
      record.finishedAt ? [Date.parse(record.finishedAt)] : [],
    );
    await endPhase(phase, {
      items: scopes.length,
      succeeded: succeeded.length,
      failed,
      ...(requested.length > 0 && finished.length > 0
        ? { serviceSeconds: (Math.max(...finished) - Math.min(...requested)) / 1000 }
        : {}),
      ...(durations.length > 0
        ? {
            operationSeconds: {
              p50: quantile(durations, 0.5),
              p95: quantile(durations, 0.95),
              max: durations[durations.length - 1] ?? 0,
            },
          }
        : {}),
    });
    scopes = succeeded.map((entry) => entry.scope);
  }
  const endToEndSeconds = (Date.now() - runStarted) / 1000;
  await probe?.stop();
  const memory = await sampler?.stop();
  const lastStats = previousStats;

  // The raw ceiling is measured after the run, on the same Azurite. Measured first, it cost the run a
  // stall: some time after the measurement (its tens of thousands of rows and thousands of queue messages,
  // deleted) Azurite answered no call for about 50 s (we believe its queue garbage collection, which runs
  // every 60 s), and every scope then in flight waited; at 10,000 VMs that was 40-50 s of the run.
  let ceiling: StorageCeiling | undefined;
  if (settings.storageConnectionString) {
    progress(
      `measuring the raw ceiling of the storage (${options.ceilingSeconds} s each for tables and queues)`,
    );
    ceiling = await measureStorageCeiling(settings.storageConnectionString, {
      seconds: options.ceilingSeconds,
      concurrency: options.ceilingConcurrency,
    });
  }

  const counts = firstStats && lastStats ? countsBetween(firstStats, lastStats) : undefined;
  const tableEntityWritesPerSecond = counts ? counts.tableEntityWrites / endToEndSeconds : undefined;
  const queueSendsPerSecond = counts ? counts.storage.queue.sends / endToEndSeconds : undefined;
  return {
    seed: estate.seed,
    shape: estate.shape,
    vms: estate.vmCount,
    scopes: estate.scopeCount,
    subscriptions: estate.subscriptions.length,
    documents: documentCount,
    importMegabytes: importBytes / 1e6,
    endToEndSeconds,
    vmsPerSecond: estate.vmCount / endToEndSeconds,
    phases,
    ...(counts ? { counts } : {}),
    ...(ceiling ? { ceiling } : {}),
    ...(tableEntityWritesPerSecond === undefined ? {} : { tableEntityWritesPerSecond }),
    ceilingRatio:
      ceiling && tableEntityWritesPerSecond !== undefined
        ? tableEntityWritesPerSecond / ceiling.tableEntityWritesPerSecond
        : null,
    queueCeilingRatio:
      ceiling && queueSendsPerSecond !== undefined ? queueSendsPerSecond / ceiling.queueSendsPerSecond : null,
    ...(memory ? { memory } : {}),
    peakMemoryMb: memory && memory.samples > 0 ? memory.hostPeakBytes / 1024 / 1024 : null,
    ...(lastStats ? { workers: lastStats.workers } : {}),
    requests: api.requests,
    failures,
  };
}
