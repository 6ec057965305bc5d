/**
 * What the soak run counts: latency of every JSON API call (by route group), operations by outcome, and
 * errors — unexpected HTTP statuses and operations that failed for no injected reason (goal: none).
 */

export type OperationOutcome =
  | 'succeeded'
  | 'noop'
  | 'refused'
  | 'validationFailed'
  | 'injectedFault'
  | 'goneAfterCommit'
  | 'unexpectedFailure'
  | 'openPastDeadline';

export interface SoakError {
  at: string;
  kind: 'httpStatus' | 'operation' | 'idempotency' | 'invariant';
  detail: string;
}

export class SoakMetrics {
  readonly #latencies = new Map<string, number[]>();
  readonly outcomes = new Map<OperationOutcome, number>();
  readonly doorRefusals = new Map<string, number>();
  readonly actions = new Map<string, number>();
  readonly errors: SoakError[] = [];

  recordLatency(group: string, ms: number): void {
    const list = this.#latencies.get(group) ?? [];
    list.push(ms);
    this.#latencies.set(group, list);
  }

  countOutcome(outcome: OperationOutcome): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  countDoorRefusal(code: string): void {
    this.doorRefusals.set(code, (this.doorRefusals.get(code) ?? 0) + 1);
  }

  countAction(action: string): void {
    this.actions.set(action, (this.actions.get(action) ?? 0) + 1);
  }

  error(kind: SoakError['kind'], detail: string): void {
    this.errors.push({ at: new Date().toISOString(), kind, detail });
  }

  /** p50/p99/max per route group, plus `all`. */
  latencySummary(): LatencySummary[] {
    const all = [...this.#latencies.values()].flat();
    const groups = [...this.#latencies.entries()].sort(([a], [b]) => a.localeCompare(b));
    return [...groups.map(([group, values]) => summarise(group, values)), summarise('all', all)];
  }
}

export interface LatencySummary {
  group: string;
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function summarise(group: string, values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    group,
    count: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Nearest-rank percentile of sorted values (0 for none). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[rank] ?? 0);
}
