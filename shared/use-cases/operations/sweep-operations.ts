/**
 * The sweeper: every operation left `Queued` or `InProgress` longer than OPERATION_SWEEP_AFTER_SECONDS
 * (counted from its start, or its request while queued) is reconciled against the scope entity and the
 * phase queue — the backstop behind the phase's own last-delivery handling and the dead-letter processor,
 * for whatever escaped both (a lost message, a crash between two writes):
 *
 * - the entity ended it (succeeded, failed, refused, no-op, abandoned) → the record is finished to match;
 * - the entity holds it running past its lease → the entity is told `expireLease` (it abandons the
 *   operation: a Prepare ends PrepareFailed, the scope is released) and the record follows;
 * - the entity started it but its command is gone from the queue (no worker will ever complete it) → it
 *   fails `OperationLost`;
 * - the entity never heard of it and its command is gone → it fails `MessageLost` (or waits for the
 *   dead-letter processor while the command sits in the dead-letter queue);
 * - otherwise (its command still waits, or is being handled) it is left alone.
 *
 * It reads the open-operation index, never the whole Operations table. One operation's fault is logged and
 * the sweep goes on; the next run tries it again.
 */
import { phaseQueues } from '../../contracts/names';
import type { OperationRecord } from '../../contracts/operation-record';
import { phaseSessionId } from '../../contracts/service-bus-ids';
import { decisionFor, type ScopeEntityState } from '../../domain/migration/scope-entity.reducer';
import type { OpenOperation } from '../../ports/operation.port';
import { ensureError } from '../errors';
import { waitUntilEnded } from '../scope-decision';
import { failOperation } from './fail-operation';
import { finishOperation, operationRefOf } from './finish-operation';
import type { OperationDeps } from './operation-deps';
import { outcomeOfDecision } from './operation-outcome';

export type SweepAction =
  | 'finishedAsEntity'
  | 'abandonedPastLease'
  | 'failedLost'
  | 'indexRepaired'
  | 'leftQueued'
  | 'leftRunning'
  | 'leftDeadLettered'
  | 'error';

export interface SweepReport {
  /** Open operations in the index. */
  open: number;
  /** What was done with each operation past the deadline. */
  swept: { operationId: string; action: SweepAction; detail?: string }[];
}

export async function sweepOperations(deps: OperationDeps): Promise<SweepReport> {
  const now = deps.services.clock.now();
  const deadline = now.getTime() - deps.services.config.operationSweepAfterMs;
  const open = await deps.services.operations.listOpen();
  const report: SweepReport = { open: open.length, swept: [] };
  for (const entry of open) {
    if (!(Date.parse(entry.requestedAt) <= deadline)) continue;
    try {
      const action = await sweepOne(deps, entry, now, deadline);
      if (action) report.swept.push({ operationId: entry.operationId, action });
    } catch (caught) {
      const error = ensureError(caught);
      deps.log(`sweeper: operation ${entry.operationId}: ${error.stack ?? error.message}`);
      report.swept.push({ operationId: entry.operationId, action: 'error', detail: error.message });
    }
  }
  return report;
}

async function sweepOne(
  deps: OperationDeps,
  entry: OpenOperation,
  now: Date,
  deadline: number,
): Promise<SweepAction | undefined> {
  const record = await deps.services.operations.get(entry.operationId);
  if (!record || record.status === 'Succeeded' || record.status === 'Failed') {
    // An index row outliving its record's end (or a record never written): nothing to sweep.
    await deps.services.operations.forgetOpen(entry.operationId);
    return 'indexRepaired';
  }
  if (Date.parse(record.startedAt ?? record.requestedAt) > deadline) return undefined;
  const ref = operationRefOf(record);
  const state = await deps.entity.read(record.scopeKey);
  const decision = state && decisionFor(state, record.operationId);
  if (decision && decision.decision !== 'started') {
    await finishOperation(deps, ref, outcomeOfDecision(decision), state);
    return 'finishedAsEntity';
  }
  if (decision && state && holdsPastLease(state, record, now)) {
    await deps.entity.signal(record.scopeKey, { type: 'expireLease', now: now.toISOString() });
    const ended = await waitUntilEnded(deps.entity, record.scopeKey, record.operationId, deps.wait);
    if (ended) await finishOperation(deps, ref, outcomeOfDecision(ended));
    return 'abandonedPastLease';
  }
  const presence = await deps.services.phaseQueues.findCommand(
    phaseQueues[record.operation],
    phaseSessionId(record.scopeKey),
    record.operationId,
  );
  if (presence !== 'absent') return decision ? 'leftRunning' : 'leftQueued';
  if (decision) {
    await failOperation(deps, ref, {
      code: 'OperationLost',
      message: `The ${record.operation} operation started but no worker holds its command any more (it is neither in ${phaseQueues[record.operation]} nor being handled); it was ended by the sweeper. Run the operation again.`,
    });
    return 'failedLost';
  }
  if (await isDeadLettered(deps, record)) return 'leftDeadLettered';
  await failOperation(deps, ref, {
    code: 'MessageLost',
    message: `The ${record.operation} command never reached its phase: it is neither in ${phaseQueues[record.operation]} nor in its dead-letter queue. Run the operation again.`,
  });
  return 'failedLost';
}

/** The entity holds this very operation as running and its lease is over. */
function holdsPastLease(state: ScopeEntityState, record: OperationRecord, now: Date): boolean {
  return (
    state.running?.operationId === record.operationId && Date.parse(state.running.leaseUntil) <= now.getTime()
  );
}

/** The command waits in the dead-letter queue, where the dead-letter processor will end it. */
async function isDeadLettered(deps: OperationDeps, record: OperationRecord): Promise<boolean> {
  const dead = await deps.services.phaseQueues.peekDeadLetters(phaseQueues[record.operation], 100);
  return dead.some(
    (message) =>
      message.messageId === record.operationId ||
      (message.body as { operationId?: unknown } | null)?.operationId === record.operationId,
  );
}
