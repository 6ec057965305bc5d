/**
 * Asking the scope entity to accept an operation, from a function that can only signal and read.
 *
 * The entity applies signals asynchronously, so the caller signals once and reads until the decision for
 * its operation id appears. A redelivered message finds the decision already recorded and does not signal
 * again. If the decision does not show within the timeout the caller throws a TransientFault, so the
 * message is redelivered and the wait resumes (signals are idempotent by operation id).
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

/** Waits until the entity's state satisfies `accept`; returns that decision. */
export async function waitForDecision(
  entity: ScopeEntityGateway,
  scopeKey: string,
  operationId: string,
  accept: (decision: Decision) => boolean,
  options: WaitOptions,
): Promise<Decision> {
  const sleep = options.sleep ?? defaultSleep;
  const nowMs = options.nowMs ?? Date.now;
  const deadline = nowMs() + options.timeoutMs;
  let pause = options.pollMs ?? 25;
  for (;;) {
    const state = await entity.read(scopeKey);
    const decision = state && decisionFor(state, operationId);
    if (decision && accept(decision)) return decision;
    if (nowMs() >= deadline) {
      throw new TransientFault(
        'EntityDecisionTimeout',
        `The scope entity ${scopeKey} did not record operation ${operationId} within ${options.timeoutMs} ms; the message will be retried.`,
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
