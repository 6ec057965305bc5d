/**
 * `GET /admin/host/stats`: what the dev host's processes have done and hold, for benchmarks and profiling —
 * storage calls and function invocations per worker since it started, and the resident memory of the
 * primary, the workers and Azurite. The worker that gets the request asks the primary, which asks every
 * worker over IPC and adds its own figures (see worker-pool.ts); workers that do not answer within the
 * timeout are counted, not waited for. Counts of a worker that died and was replaced start again at zero.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const storageCountsSchema = z.object({
  table: z.object({
    /** Every HTTP request to the table service (a transaction is one). */
    requests: count,
    /** Point reads and queries (each page of a query is a request). */
    reads: count,
    /** Single-entity inserts, updates, merges, upserts and deletes. */
    writes: count,
    /** Entity group transactions (`$batch`). */
    transactions: count,
    /** Entity writes carried by those transactions. */
    transactionWrites: count,
    /** Table creation and other service calls. */
    other: count,
    /** Answers 409 (exists) or 412 (ETag mismatch): optimistic-concurrency races lost. */
    conflicts: count,
  }),
  queue: z.object({
    requests: count,
    sends: count,
    /** Get-messages calls (each may return several messages, or none). */
    receives: count,
    peeks: count,
    /** Message deletes (completions). */
    deletes: count,
    /** Message updates (visibility: lock renewals, abandons). */
    updates: count,
    other: count,
  }),
  /** Requests to any other endpoint (blob, or not storage at all). */
  otherRequests: count,
});
export type StorageCounts = z.infer<typeof storageCountsSchema>;

export const invocationCountsSchema = z.object({ count, failed: count, totalMs: z.number().nonnegative() });
export type InvocationCounts = z.infer<typeof invocationCountsSchema>;

export const processStatsSchema = z.object({
  role: z.enum(['primary', 'worker', 'azurite']),
  pid: z.number().int(),
  workerIndex: z.number().int().optional(),
  rssBytes: z.number().nonnegative(),
  /** The kernel's high-water mark of the resident set (Linux). */
  peakRssBytes: z.number().nonnegative().optional(),
  storage: storageCountsSchema.optional(),
  invocations: z.record(z.string(), invocationCountsSchema).optional(),
});
export type ProcessStats = z.infer<typeof processStatsSchema>;

export const hostStatsSchema = z.object({
  collectedAt: z.string(),
  workers: count,
  /** Workers that did not answer in time (their figures are missing from the totals). */
  unansweredWorkers: count,
  processes: z.array(processStatsSchema),
  totals: z.object({
    storage: storageCountsSchema,
    invocations: z.record(z.string(), invocationCountsSchema),
    /** Resident memory of the primary and the workers now. */
    hostRssBytes: z.number().nonnegative(),
    /** Sum of their high-water marks: an upper bound of their peak together. */
    hostPeakRssBytes: z.number().nonnegative().optional(),
    azuriteRssBytes: z.number().nonnegative().optional(),
    azuritePeakRssBytes: z.number().nonnegative().optional(),
  }),
});
export type HostStats = z.infer<typeof hostStatsSchema>;

export function emptyStorageCounts(): StorageCounts {
  return {
    table: {
      requests: 0,
      reads: 0,
      writes: 0,
      transactions: 0,
      transactionWrites: 0,
      other: 0,
      conflicts: 0,
    },
    queue: { requests: 0, sends: 0, receives: 0, peeks: 0, deletes: 0, updates: 0, other: 0 },
    otherRequests: 0,
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/** The host's figures from each process's: counts summed over the workers, memory by role. */
export function summariseHostStats(
  processes: ProcessStats[],
  workers: number,
  unansweredWorkers: number,
  collectedAt: Date,
): HostStats {
  const storage = emptyStorageCounts();
  const invocations: Record<string, InvocationCounts> = {};
  for (const process of processes) {
    if (process.storage) {
      addCounts(storage.table, process.storage.table);
      addCounts(storage.queue, process.storage.queue);
      storage.otherRequests += process.storage.otherRequests;
    }
    for (const [name, counts] of Object.entries(process.invocations ?? {}))
      addCounts((invocations[name] ??= { count: 0, failed: 0, totalMs: 0 }), counts);
  }
  const host = processes.filter((process) => process.role !== 'azurite');
  const azurite = processes.find((process) => process.role === 'azurite');
  const peaks = host.map((process) => process.peakRssBytes);
  return {
    collectedAt: collectedAt.toISOString(),
    workers,
    unansweredWorkers,
    processes,
    totals: {
      storage,
      invocations,
      hostRssBytes: host.reduce((sum, process) => sum + process.rssBytes, 0),
      ...(peaks.every((peak) => peak !== undefined)
        ? { hostPeakRssBytes: peaks.reduce((sum, peak) => sum + peak, 0) }
        : {}),
      ...(azurite
        ? {
            azuriteRssBytes: azurite.rssBytes,
            ...(azurite.peakRssBytes === undefined ? {} : { azuritePeakRssBytes: azurite.peakRssBytes }),
          }
        : {}),
    },
  };
}
