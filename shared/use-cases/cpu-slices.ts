/**
 * Long CPU-bound work without starving the process. A Functions worker serves every invocation on one
 * event loop: the HTTP triggers, the Durable client's calls to the host (entity signals and reads), lock
 * renewals. The analysis of a 10,000-VM scope held that loop for seconds, long enough for the entity
 * client's connections to be reset (ECONNRESET) and for every other invocation to stall.
 *
 * Work is written as a generator that yields between small pure steps; `runInSlices` runs steps until a
 * slice of time is used, then gives the event loop a turn (`setImmediate`: pending I/O callbacks run
 * first) before going on. `runAtOnce` runs the same work synchronously, for callers that need a value now.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work cut into steps: each `yield` is a point where the event loop may have a turn. */
export type SlicedWork<T> = Generator<void, T, void>;

/** How long a slice may hold the event loop (our choice: short next to HTTP and lock-renewal timeouts). */
export const defaultSliceMs = 20;

export async function runInSlices<T>(work: SlicedWork<T>, sliceMs = defaultSliceMs): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = work.next();
    if (next.done === true) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

export function runAtOnce<T>(work: SlicedWork<T>): T {
  for (;;) {
    const next = work.next();
    if (next.done === true) return next.value;
  }
}
