/**
 * Counts function invocations per function (how many, how many failed, total duration), from the
 * `devhost:invocation` diagnostics channel the invoker publishes on: nothing is published or kept unless a
 * process counts.
 */
import diagnostics from 'node:diagnostics_channel';

import type { InvocationCounts } from './host-stats';

export interface InvocationEvent {
  functionName: string;
  durationMs: number;
  succeeded: boolean;
}

export const invocationChannel = diagnostics.channel('devhost:invocation');

/** Starts counting; the returned function reads the counts so far, by function name. */
export function countInvocations(): () => Record<string, InvocationCounts> {
  const counts: Record<string, InvocationCounts> = {};
  invocationChannel.subscribe((message) => {
    const event = message as InvocationEvent;
    const entry = (counts[event.functionName] ??= { count: 0, failed: 0, totalMs: 0 });
    entry.count++;
    if (!event.succeeded) entry.failed++;
    entry.totalMs += event.durationMs;
  });
  return () => structuredClone(counts);
}
