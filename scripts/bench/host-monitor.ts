/**
 * The dev host's figures, as the benchmark reads them: `GET /admin/host/stats` (storage calls and
 * invocations since start-up, memory per process), differences between two readings, and a sampler that
 * keeps the peak resident memory of the host's processes while a run goes on.
 */
import { type HostStats, hostStatsSchema, type StorageCounts } from '../../devhost/stats/host-stats';

/** The host's stats, or undefined when the service has no such endpoint (a deployment). */
export async function fetchHostStats(base: string): Promise<HostStats | undefined> {
  const response = await fetch(`${base}/admin/host/stats`, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status === 404) return undefined;
  if (response.status !== 200)
    throw new Error(`GET /admin/host/stats: ${response.status} ${text.slice(0, 200)}`);
  return hostStatsSchema.parse(JSON.parse(text));
}

export interface CountsDelta {
  storage: StorageCounts;
  /** Invocations per function: count, failed, total milliseconds. */
  invocations: HostStats['totals']['invocations'];
  /** Entity writes the host made: single-entity writes plus those inside transactions. */
  tableEntityWrites: number;
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));
}

/** What the host did between two readings (counts of a worker replaced in between are lost, not negative). */
export function countsBetween(before: HostStats, after: HostStats): CountsDelta {
  const a = after.totals;
  const b = before.totals;
  const storage: StorageCounts = {
    table: subtract(a.storage.table, b.storage.table) as StorageCounts['table'],
    queue: subtract(a.storage.queue, b.storage.queue) as StorageCounts['queue'],
    otherRequests: a.storage.otherRequests - b.storage.otherRequests,
  };
  const invocations: CountsDelta['invocations'] = {};
  for (const [name, counts] of Object.entries(a.invocations)) {
    const earlier = b.invocations[name] ?? { count: 0, failed: 0, totalMs: 0 };
    const delta = subtract(counts, earlier) as CountsDelta['invocations'][string];
    if (delta.count > 0) invocations[name] = delta;
  }
  return { storage, invocations, tableEntityWrites: storage.table.writes + storage.table.transactionWrites };
}

export interface MemoryPeaks {
  samples: number;
  /** The largest sampled sum of the resident memory of the primary and the workers. */
  hostPeakBytes: number;
  /** The sum of their high-water marks at the end: an upper bound of the same. */
  hostHighWaterSumBytes: number | undefined;
  azuritePeakBytes: number | undefined;
}

/** Samples the host's memory every `intervalMs` until stopped. */
export class MemorySampler {
  readonly #base: string;
  readonly #intervalMs: number;
  #running = true;
  #loop: Promise<void> | undefined;
  #peaks: MemoryPeaks = {
    samples: 0,
    hostPeakBytes: 0,
    hostHighWaterSumBytes: undefined,
    azuritePeakBytes: undefined,
  };

  constructor(base: string, intervalMs = 1000) {
    this.#base = base;
    this.#intervalMs = intervalMs;
  }

  start(): this {
    this.#loop = (async () => {
      while (this.#running) {
        const started = Date.now();
        try {
          const stats = await fetchHostStats(this.#base);
          if (stats) this.record(stats);
        } catch {
          // A host busy enough to miss a sample is still sampled next time.
        }
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, this.#intervalMs - (Date.now() - started))),
        );
      }
    })();
    return this;
  }

  record(stats: HostStats): void {
    const { totals } = stats;
    this.#peaks = {
      samples: this.#peaks.samples + 1,
      hostPeakBytes: Math.max(this.#peaks.hostPeakBytes, totals.hostRssBytes),
      hostHighWaterSumBytes: totals.hostPeakRssBytes ?? this.#peaks.hostHighWaterSumBytes,
      azuritePeakBytes:
        totals.azuritePeakRssBytes ??
        Math.max(this.#peaks.azuritePeakBytes ?? 0, totals.azuriteRssBytes ?? 0),
    };
  }

  async stop(): Promise<MemoryPeaks> {
    this.#running = false;
    await this.#loop;
    return this.#peaks;
  }
}
