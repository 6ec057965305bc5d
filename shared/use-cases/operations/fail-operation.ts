/**
 * Ends an operation that cannot go on (its last delivery failed, its decision never came, its message was
 * invalid or dead-lettered, the sweeper found it lost), so that nothing is left `InProgress` and no scope
 * stays held:
 *
 * 1. the entity is the arbiter: an operation it already ended (succeeded, failed, refused, no-op,
 *    abandoned) is finished as the entity says — never failed over a success that only its record missed;
 * 2. otherwise the entity is told `complete: failed` with the reason. Signals are applied in order, so this
 *    also catches a `request` still on its way (it starts, then fails at once: a Prepare ends
 *    `PrepareFailed` and the scope is released); for an operation the entity never heard of it is ignored;
 * 3. when the entity had started it, its answer is awaited before the record turns final (status readers
 *    never see a failed operation on a scope that is still `Preparing`); if that wait times out, this
 *    throws, and the message's redelivery, the dead-letter processor or the sweeper ends it later.
 */
import type { OperationError, OperationRecord } from '../../contracts/operation-record';
import { decisionFor } from '../../domain/migration/scope-entity.reducer';
import { waitUntilEnded } from '../scope-decision';
import { type FinaliseDeps, finishOperation, type OperationRef } from './finish-operation';
import { outcomeOfDecision } from './operation-outcome';

export async function failOperation(
  deps: FinaliseDeps,
  ref: OperationRef,
  failure: OperationError,
  extra?: Partial<OperationRecord>,
): Promise<OperationRecord> {
  const state = await deps.entity.read(ref.scopeKey);
  const decision = state && decisionFor(state, ref.operationId);
  if (decision && decision.decision !== 'started') {
    deps.log(`${ref.operation} ${ref.operationId}: the entity already ended it (${decision.decision})`);
    return finishOperation(deps, ref, { ...outcomeOfDecision(decision), extra: extra ?? {} }, state);
  }
  await deps.entity.signal(ref.scopeKey, {
    type: 'complete',
    operationId: ref.operationId,
    outcome: 'failed',
    now: deps.services.clock.now().toISOString(),
    code: failure.code,
    message: failure.message,
  });
  if (decision?.decision === 'started') {
    const answer = await waitUntilEnded(deps.entity, ref.scopeKey, ref.operationId, deps.wait);
    // Another outcome reached the entity first (a completion already on its way): that one stands.
    if (answer && answer.decision !== 'failed')
      return finishOperation(deps, ref, { ...outcomeOfDecision(answer), extra: extra ?? {} });
  }
  return finishOperation(deps, ref, { status: 'Failed', error: failure, ...(extra ? { extra } : {}) });
}
