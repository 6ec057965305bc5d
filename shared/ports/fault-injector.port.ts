/**
 * Failure injection for rehearsals and tests: a planned fault fires at a named step of a phase, a given
 * number of times, then stops. Azure documented its transient failures (`Internal server error`,
 * `Template {name} deployment failed. CorrelationId={guid}`) and told users to retry; injecting them lets a
 * rehearsal prove that every step converges on retry. Our feature; Azure had nothing like it.
 */
/**
 * - transient: the step throws a retryable fault (the message is redelivered);
 * - fatal: the step fails for good (the operation fails with Azure's template-deployment text);
 * - crash: the worker process dies on the spot (the host restarts it; the message lock expires and the
 *   message is redelivered) — a crash at any point (README, Reliability: what was tried).
 */
export type FaultKind = 'transient' | 'fatal' | 'crash';

export interface PlannedFault {
  scopeKey: string;
  /** `<phase>.<step>`, e.g. `prepare.writeArm` (see the phase step lists). */
  step: string;
  kind: FaultKind;
  /** How many more times it fires. */
  remaining: number;
  message: string;
}

export interface FaultInjector {
  plan(fault: PlannedFault): Promise<void>;
  /** Consumes one firing of the fault planned for this scope and step, if any. */
  take(scopeKey: string, step: string): Promise<PlannedFault | undefined>;
}

export const noFaults: FaultInjector = {
  plan: () => Promise.reject(new Error('Fault injection is not enabled.')),
  take: () => Promise.resolve(undefined),
};
