/**
 * Asking the scope entity to accept an operation, from a function that can only signal and read.
 *
 * The entity applies signals asynchronously, so the caller signals once and reads until the decision for
 * its operation id appears. A redelivered message finds the decision already recorded and does not signal
 * again. If the decision does not show within the timeout the wait throws a TransientFault: the phase
 * rethrows it for redelivery (the wait resumes; signals are idempotent by operation id), or fails the
 * operation with it on the last delivery.
 */
import { type Decision, decisionFor, type ScopeCommand } from '../domain/migration/scope-entity.reducer';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { TransientFault } from './errors';

export interface WaitOptions {
  timeoutMs: number;
  /** First pause between reads; doubles up to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  nowMs?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the entity's decision for the operation satisfies `accept`; returns that decision. */
export async function waitForDecision(
  entity: ScopeEntityGateway,
  scopeKey: string,
  operationId: string,
  accept: (decision: Decision) => boolean,
  options: WaitOptions,
): Promise<Decision> {
  const decision = await pollDecision(
    entity,
    scopeKey,
    operationId,
    (seen) => seen !== undefined && accept(seen),
    options,
  );
  if (!decision) throw new Error(`unreachable: operation ${operationId} accepted without a decision`);
  return decision;
}

/**
 * Waits until the operation is no longer `started`: ended by the entity, or no longer remembered (then
 * there is nothing more to wait for). Returns the decision, if any.
 */
export function waitUntilEnded(
  entity: ScopeEntityGateway,
  scopeKey: string,
  operationId: string,
  options: WaitOptions,
): Promise<Decision | undefined> {
  return pollDecision(
    entity,
    scopeKey,
    operationId,
    (seen) => seen === undefined || seen.decision !== 'started',
    options,
  );
}

async function pollDecision(
  entity: ScopeEntityGateway,
  scopeKey: string,
  operationId: string,
  accept: (decision: Decision | undefined) => boolean,
  options: WaitOptions,
): Promise<Decision | undefined> {
  // An injected sleep (tests' clocks) wins; otherwise the gateway's own pause, which its entity's change
  // may cut short; otherwise a plain one.
  const changeOrTimeout = entity.changeOrTimeout?.bind(entity);
  const sleep =
    options.sleep ?? (changeOrTimeout ? (ms: number) => changeOrTimeout(scopeKey, ms) : defaultSleep);
  const nowMs = options.nowMs ?? Date.now;
  const deadline = nowMs() + options.timeoutMs;
  let pause = options.pollMs ?? 25;
  for (;;) {
    const state = await entity.read(scopeKey);
    const decision = state && decisionFor(state, operationId);
    if (accept(decision)) return decision;
    if (nowMs() >= deadline) {
      throw new TransientFault(
        'EntityDecisionTimeout',
        `The scope entity ${scopeKey} did not answer operation ${operationId} within ${options.timeoutMs} ms.`,
      );
    }
    await sleep(pause);
    pause = Math.min(pause * 2, options.maxPollMs ?? 500);
  }
}

/** Signals `command` unless the entity already answered its operation id, then waits for the answer. */
export async function requestDecision(
  entity: ScopeEntityGateway,
  scopeKey: string,
  command: Extract<ScopeCommand, { type: 'request' }>,
  options: WaitOptions,
): Promise<Decision> {
  const state = await entity.read(scopeKey);
  const known = state && decisionFor(state, command.operationId);
  if (known) return known;
  await entity.signal(scopeKey, command);
  return waitForDecision(entity, scopeKey, command.operationId, () => true, options);
}
