/**
 * Advancing a batch: a pure step from (batch, now, the outcomes of its running operations) to the next
 * batch and the operations to start. The batch scheduler (a timer) calls it; admission answers each start
 * and `applyAdmission` records the answer. Nothing here reads a clock or a store.
 *
 * Rules (our design, stated in the README):
 * - Work starts only inside an open window. After the window closes nothing new starts (not even the next
 *   phase of a scope half-way), running operations finish, and the batch continues at the next occurrence.
 * - At most `maxConcurrent` scopes are active at once; a scope stays active from its first phase until its
 *   last one ends, and the next phase of an active scope goes before a new scope.
 * - Validation that finds errors blocks the scope (its later phases are skipped); it is not a failure.
 * - A failed operation fails its scope; with `onFailure: stop` the batch starts nothing new, lets running
 *   work finish and ends Failed. With `abortOnFailure` a scope left PrepareFailed is aborted at once.
 * - Commit runs only with `autoCommit`, and only for a scope whose validation (or Prepare's) found no
 *   error; without it the scope waits Prepared (`AwaitingCommit`) for a person.
 */
import type { MigrationState } from '../migration/migration-state';
import {
  type Batch,
  type BatchItem,
  type BatchPhase,
  type BatchRun,
  type BatchStep,
  finishedBatchStatuses,
  finishedItemStatuses,
  pendingItem,
} from './batch-plan';
import { windowAt, type WindowState } from './maintenance-window';

/** What the scheduler knows of an operation a batch item waits on. */
export interface OperationOutcome {
  status: 'Queued' | 'InProgress' | 'Succeeded' | 'Failed';
  errors: number;
  warnings: number;
  code?: string;
  message?: string;
  resultingState?: MigrationState;
}

export interface StartCommand {
  itemIndex: number;
  phase: BatchPhase;
  /** Admission's idempotency key: a start repeated after a lost save answers with the same operation. */
  idempotencyKey: string;
}

export interface AdvanceInput {
  now: Date;
  /** Outcomes by operation id; an id not in the map is taken as still running. */
  operations: ReadonlyMap<string, OperationOutcome>;
  /** The scopes a new run of a repeating plan works on (see `startsNewRun`); the plan's own otherwise. */
  selected?: readonly { kind: BatchItem['kind']; name: string; state?: MigrationState }[];
}

export interface AdvanceResult {
  batch: Batch;
  starts: StartCommand[];
  /** True when this step finished a run (write its report). */
  runFinished: boolean;
}

/** Does a repeating plan start a new run now (its last run is over and a new occurrence is open)? */
export function startsNewRun(batch: Batch, now: Date): boolean {
  const { plan, run } = batch;
  if (!plan.repeat || !['Succeeded', 'Failed'].includes(run.status)) return false;
  const window = windowAt(plan.window, now);
  return window.open && window.occurrenceStart.toISOString() !== run.runOccurrence;
}

export function advanceBatch(batch: Batch, input: AdvanceInput): AdvanceResult {
  const { plan } = batch;
  const run: BatchRun = structuredClone(batch.run);
  const window = windowAt(plan.window, input.now);
  const wasFinished = finishedBatchStatuses.includes(run.status);

  for (const item of run.items) {
    const outcome = item.operationId === undefined ? undefined : input.operations.get(item.operationId);
    if (outcome && (outcome.status === 'Succeeded' || outcome.status === 'Failed')) {
      absorb(batch, run, item, outcome);
    }
  }

  if (startsNewRun(batch, input.now) && window.open) {
    const scopes = input.selected ?? run.items;
    run.items = scopes.map((scope) => pendingItem(scope, scope.state));
    run.run += 1;
    run.runOccurrence = window.occurrenceStart.toISOString();
    run.status = 'Running';
    delete run.finishedAt;
    delete run.note;
  } else if (run.status === 'Scheduled' && window.open) {
    run.run = Math.max(run.run, 1);
    run.runOccurrence = window.occurrenceStart.toISOString();
    run.status = 'Running';
  }

  const starts: StartCommand[] = [];
  const start = (itemIndex: number, phase: BatchPhase) => {
    const item = run.items[itemIndex];
    if (!item) return;
    const attempt = item.steps.filter((step) => step.phase === phase).length + 1;
    starts.push({
      itemIndex,
      phase,
      idempotencyKey: `batch:${plan.batchId}:${run.run}:${itemIndex}:${phase}:${attempt}`,
    });
  };

  // A failed Prepare is rolled back at once (abortOnFailure), window or not: it would stay locked otherwise.
  run.items.forEach((item, index) => {
    if (item.abortPending && item.operationId === undefined) start(index, 'abort');
  });

  const mayStart = window.open && (run.status === 'Running' || run.status === 'Waiting');
  if (mayStart) {
    let active = run.items.filter((item) => item.status === 'Active').length;
    run.items.forEach((item, index) => {
      if (item.status === 'Active' && item.operationId === undefined && !item.abortPending) {
        const phase = plan.phases[item.phaseIndex];
        if (phase) start(index, phase);
      }
    });
    run.items.forEach((item, index) => {
      if (item.status !== 'Pending' || active >= plan.maxConcurrent) return;
      const phase = plan.phases[item.phaseIndex];
      if (!phase) return;
      start(index, phase);
      active += 1;
    });
  }

  settleStatus(run, window, input.now, starts.length > 0);
  run.lastAdvancedAt = input.now.toISOString();
  const runFinished = !wasFinished && finishedBatchStatuses.includes(run.status);
  return { batch: { plan, run }, starts, runFinished };
}

/** What admission answered for a start, as far as the batch cares. */
export type StartAnswer =
  | { kind: 'started'; operationId: string }
  /** Refused for good (not found, not registered, the state refuses it). */
  | { kind: 'rejected'; code: string; message: string }
  /** May be accepted later (another operation holds the scope; the queue was unreachable). */
  | { kind: 'later'; code: string; message: string };

export function applyStart(batch: Batch, command: StartCommand, answer: StartAnswer, now: Date): Batch {
  const run = structuredClone(batch.run);
  const item = run.items[command.itemIndex];
  if (!item) return batch;
  switch (answer.kind) {
    case 'started':
      item.operationId = answer.operationId;
      item.runningPhase = command.phase;
      item.steps.push({ phase: command.phase, operationId: answer.operationId, status: 'Running' });
      if (item.status === 'Pending') item.status = 'Active';
      delete item.note;
      break;
    case 'later':
      item.note = `${command.phase} not started yet: ${answer.message}`;
      break;
    case 'rejected':
      if (command.phase === 'abort') {
        item.abortPending = false;
        item.note = `${item.note ?? ''}; abort refused: ${answer.code}: ${answer.message}`;
        break;
      }
      fail(batch, run, item, `${command.phase} refused: ${answer.code}: ${answer.message}`);
      settleStatus(run, windowAt(batch.plan.window, now), now, false);
      break;
  }
  return { plan: batch.plan, run };
}

/** Pause, resume and cancel, as people ask for them. Undefined when the batch's status refuses it. */
export function commandBatch(
  batch: Batch,
  command: 'pause' | 'resume' | 'cancel',
  by: string,
  now: Date,
): { batch: Batch } | { refused: string } {
  const run = structuredClone(batch.run);
  const finished = finishedBatchStatuses.includes(run.status) && !batch.plan.repeat;
  switch (command) {
    case 'pause':
      if (finished || run.status === 'Cancelled' || run.status === 'Stopping')
        return { refused: `A ${run.status} batch cannot be paused.` };
      if (run.status === 'Paused') return { batch };
      run.status = 'Paused';
      run.note = `Paused by ${by} at ${now.toISOString()}: running operations finish, nothing new starts.`;
      break;
    case 'resume':
      if (run.status !== 'Paused')
        return { refused: `Only a Paused batch can be resumed (it is ${run.status}).` };
      run.status = run.run === 0 ? 'Scheduled' : 'Running';
      delete run.note;
      settleStatus(run, windowAt(batch.plan.window, now), now, false);
      break;
    case 'cancel':
      if (run.status === 'Cancelled') return { batch };
      run.status = 'Stopping';
      run.note = `Cancelled by ${by} at ${now.toISOString()}.`;
      run.cancelled = true;
      settleStatus(run, windowAt(batch.plan.window, now), now, false);
      break;
  }
  return { batch: { plan: batch.plan, run } };
}

function absorb(batch: Batch, run: BatchRun, item: BatchItem, outcome: OperationOutcome): void {
  const { plan } = batch;
  const step = item.steps.findLast((candidate) => candidate.operationId === item.operationId);
  const phase = item.runningPhase ?? step?.phase;
  if (step) recordStep(step, outcome);
  delete item.operationId;
  delete item.runningPhase;
  if (outcome.resultingState) item.state = outcome.resultingState;
  if (phase === undefined) return;

  if (phase === 'abort' && item.abortPending) {
    item.abortPending = false;
    item.note =
      outcome.status === 'Succeeded'
        ? `${item.note ?? 'Failed'}; aborted, the scope is back in Classic`
        : `${item.note ?? 'Failed'}; the abort failed too: ${outcome.code ?? ''}: ${outcome.message ?? ''}`;
    return;
  }
  if (outcome.status === 'Failed') {
    if (phase === 'validate' && outcome.code === 'ValidationFailed') {
      const later = plan.phases.slice(item.phaseIndex + 1);
      item.status = 'Blocked';
      item.note = `Validation found ${outcome.errors} error(s)${later.length > 0 ? `; ${later.join(', ')} skipped` : ''}${later.includes('commit') && plan.autoCommit ? ' (auto-commit not applied)' : ''}.`;
      return;
    }
    fail(batch, run, item, `${phase} failed: ${outcome.code ?? 'Failed'}: ${outcome.message ?? ''}`);
    if (plan.abortOnFailure && outcome.resultingState === 'PrepareFailed') item.abortPending = true;
    return;
  }
  item.phaseIndex += 1;
  const next = plan.phases[item.phaseIndex];
  if (next === undefined) {
    item.status = 'Succeeded';
    return;
  }
  if (next === 'commit' && !plan.autoCommit) {
    item.status = 'AwaitingCommit';
    item.note = 'Prepared: check the ARM side, then commit (autoCommit is off).';
    return;
  }
  const errors = validationErrors(item);
  if (next === 'commit' && errors > 0) {
    item.status = 'Blocked';
    item.note = `Auto-commit skipped: validation found ${errors} error(s).`;
  }
}

function recordStep(step: BatchStep, outcome: OperationOutcome): void {
  step.status = outcome.status === 'Succeeded' ? 'Succeeded' : 'Failed';
  step.errors = outcome.errors;
  step.warnings = outcome.warnings;
  if (outcome.code !== undefined) step.code = outcome.code;
  if (outcome.message !== undefined) step.message = outcome.message;
}

/** Errors found by the item's latest validation (a Validate, or the one Prepare runs). */
function validationErrors(item: BatchItem): number {
  const last = item.steps.findLast((step) => step.phase === 'validate' || step.phase === 'prepare');
  return last?.errors ?? 0;
}

function fail(batch: Batch, run: BatchRun, item: BatchItem, note: string): void {
  item.status = 'Failed';
  item.note = note;
  if (batch.plan.onFailure === 'stop' && run.status !== 'Stopping') {
    run.status = 'Stopping';
    run.note = `Stopped on the failure of ${item.kind} ${item.name}: ${note}`;
  }
}

function settleStatus(run: BatchRun, window: WindowState, now: Date, starting: boolean): void {
  const running = run.items.some((item) => item.operationId !== undefined || item.abortPending) || starting;
  if (run.status === 'Stopping') {
    for (const item of run.items) {
      if (item.operationId !== undefined || finishedItemStatuses.includes(item.status)) continue;
      item.note =
        item.status === 'Pending'
          ? 'Not started: the batch stopped.'
          : `Stopped after ${item.steps.at(-1)?.phase ?? 'its last phase'}: continue by hand.`;
      item.status = 'Cancelled';
    }
    if (!running) finish(run, run.cancelled ? 'Cancelled' : 'Failed', now);
    return;
  }
  if (run.status === 'Paused' || finishedBatchStatuses.includes(run.status)) {
    setWindow(run, window);
    return;
  }
  const unfinished = run.items.some((item) => !finishedItemStatuses.includes(item.status));
  if (!unfinished && !running) {
    finish(run, run.items.some((item) => item.status === 'Failed') ? 'Failed' : 'Succeeded', now);
    setWindow(run, window);
    return;
  }
  setWindow(run, window);
  if (run.status === 'Scheduled' && (window.open || window.nextOpening !== undefined)) return;
  if (window.open || running) {
    run.status = 'Running';
    return;
  }
  if (window.nextOpening === undefined) {
    run.status = 'Stopping';
    run.note = 'The maintenance window will not open again: the remaining scopes were not started.';
    settleStatus(run, window, now, false);
    return;
  }
  run.status = 'Waiting';
}

function setWindow(run: BatchRun, window: WindowState): void {
  if (window.open) {
    run.windowClosesAt = window.closesAt.toISOString();
    delete run.nextWindow;
  } else {
    delete run.windowClosesAt;
    if (window.nextOpening) run.nextWindow = window.nextOpening.toISOString();
    else delete run.nextWindow;
  }
}

function finish(run: BatchRun, status: 'Succeeded' | 'Failed' | 'Cancelled', now: Date): void {
  run.status = status;
  run.finishedAt = now.toISOString();
}
