/**
 * The migration state machine: a pure transition table over MigrationState × operation (D1, D3, D4, D11).
 *
 *   None ─prepare→ Preparing ─ok→ Prepared ─commit→ Committing ─ok→ Committed
 *                      └fail→ PrepareFailed          └fail→ CommitFailed (retry commit only)
 *   Prepared / PrepareFailed ─abort→ Aborting ─ok→ None
 *                                        └fail→ AbortFailed (retry abort)
 *
 * Rules: validate never changes state; a retried operation whose outcome already holds is a no-op
 * success (Prepare on Prepared, Commit on Committed); Abort is refused once Commit has started; one
 * operation runs at a time. Operation ids and leases are the entity reducer's job; this table only knows
 * states. Pure.
 */
import type { RefusalCode } from './migration.refusals';
import {
  finalStateOf,
  isTransitional,
  type MigrationState,
  runningStateOf,
  type StatefulOperation,
} from './migration-state';

export type StartDecision =
  /** The operation may run: the scope moves to the operation's running state. */
  | { kind: 'start'; next: MigrationState }
  /** The operation's outcome already holds; succeed without doing anything. */
  | { kind: 'noop'; reason: 'AlreadyPrepared' | 'AlreadyCommitted' }
  | { kind: 'refuse'; code: RefusalCode };

const start = (operation: StatefulOperation): StartDecision => ({
  kind: 'start',
  next: runningStateOf[operation],
});
const refuse = (code: RefusalCode): StartDecision => ({ kind: 'refuse', code });

/** The whole table, written out so that every pair is a deliberate decision. */
export const startTable: Readonly<
  Record<MigrationState, Readonly<Record<StatefulOperation, StartDecision>>>
> = {
  None: { prepare: start('prepare'), commit: refuse('NotPrepared'), abort: refuse('NotPrepared') },
  Preparing: {
    prepare: refuse('OperationInProgress'),
    commit: refuse('OperationInProgress'),
    abort: refuse('OperationInProgress'),
  },
  Prepared: {
    prepare: { kind: 'noop', reason: 'AlreadyPrepared' },
    commit: start('commit'),
    abort: start('abort'),
  },
  PrepareFailed: { prepare: start('prepare'), commit: refuse('PrepareNotSucceeded'), abort: start('abort') },
  Committing: {
    prepare: refuse('OperationInProgress'),
    commit: refuse('OperationInProgress'),
    abort: refuse('AbortNotAllowedAfterCommit'),
  },
  Committed: {
    prepare: refuse('AlreadyCommitted'),
    commit: { kind: 'noop', reason: 'AlreadyCommitted' },
    abort: refuse('AbortNotAllowedAfterCommit'),
  },
  CommitFailed: {
    prepare: refuse('CommitPending'),
    commit: start('commit'),
    abort: refuse('AbortNotAllowedAfterCommit'),
  },
  Aborting: {
    prepare: refuse('OperationInProgress'),
    commit: refuse('OperationInProgress'),
    abort: refuse('OperationInProgress'),
  },
  AbortFailed: { prepare: refuse('AbortPending'), commit: refuse('AbortPending'), abort: start('abort') },
};

/** May `operation` start from `state`? */
export function decideStart(state: MigrationState, operation: StatefulOperation): StartDecision {
  return startTable[state][operation];
}

/**
 * The state after a running operation finishes; undefined when the scope is not running that operation
 * (a late or duplicate completion, which the caller ignores).
 */
export function finish(
  state: MigrationState,
  operation: StatefulOperation,
  outcome: 'succeeded' | 'failed',
): MigrationState | undefined {
  return state === runningStateOf[operation] ? finalStateOf[operation][outcome] : undefined;
}

/**
 * The state after the running operation is abandoned, because its lease expired (operations time out,
 * 24 h by default, as Azure's did) or an operator force-released it: the operation counts as failed, so
 * the documented retry paths apply. Undefined when nothing is running.
 */
export function abandon(state: MigrationState): MigrationState | undefined {
  if (!isTransitional(state)) return undefined;
  const operation = (Object.keys(runningStateOf) as StatefulOperation[]).find(
    (op) => runningStateOf[op] === state,
  );
  return operation && finalStateOf[operation].failed;
}
