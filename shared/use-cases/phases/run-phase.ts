/**
 * Runs one phase message (validate, prepare, commit, abort) to its end, idempotently.
 *
 * At-least-once delivery means any step may run twice and the process may die between any two steps, so:
 * - the operation record is created if missing and never leaves a terminal status;
 * - no phase work starts before the scope entity has accepted this operation id;
 * - a redelivered message asks the entity how this operation id was answered and carries on from there
 *   (work steps are idempotent, so "carry on" means "run the steps again");
 * - whatever throws anywhere in the phase (the record, the analysis, the decision wait, a step, the
 *   completion) goes through one fault handler: a transient fault is rethrown (the message is redelivered)
 *   except on the last delivery; on the last delivery, or for a permanent fault, the operation fails with
 *   the reason (operations/fail-operation.ts: the entity is told, so a started Prepare ends PrepareFailed
 *   and the scope is released) instead of ending unexplained in the dead-letter queue. If even that fails,
 *   the throw dead-letters the message, and the dead-letter processor ends the operation;
 * - the outcome event is published after the record is final, with the event id as message id, so a
 *   duplicate publish is dropped by duplicate detection.
 */
import { type OperationRecord, queuedRecordOf } from '../../contracts/operation-record';
import type { PhaseCommand } from '../../contracts/phase-command';
import { decisionFor } from '../../domain/migration/scope-entity.reducer';
import { describeScope, scopeKey } from '../../domain/scope/scope';
import { ensureError, isTransient, OperationFault, TransientFault } from '../errors';
import { failOperation } from '../operations/fail-operation';
import { type FinaliseDeps, finishOperation, type OperationRef } from '../operations/finish-operation';
import { outcomeOfDecision } from '../operations/operation-outcome';
import { publishOutcome } from '../outcome-event';
import { requestDecision, type WaitOptions, waitUntilEnded } from '../scope-decision';
import type { Delivery, PhaseDeps, PhaseRun } from './phase-context';
import type { PhaseOutcome } from './phase-outcome';
import { type PhaseStep, phaseSteps, type StepState } from './phase-steps';
import { precheckPrepare, runValidate } from './validate.phase';

export async function runPhase(deps: PhaseDeps, command: PhaseCommand, delivery: Delivery): Promise<void> {
  const run: PhaseRun = { deps, command, scopeKey: scopeKey(command.scope), delivery };
  const stepState: StepState = { notes: {} };
  try {
    await runToEnd(run, stepState);
  } catch (caught) {
    await endOnFault(run, ensureError(caught), stepState.notes);
  }
}

async function runToEnd(run: PhaseRun, stepState: StepState): Promise<void> {
  const { deps, command } = run;
  const record = await ensureRecord(run);
  if (record.status === 'Succeeded' || record.status === 'Failed') {
    await publishOutcome(deps.services, record);
    return;
  }
  await deps.services.operations.update(command.operationId, (current) =>
    current.status === 'Queued'
      ? { ...current, status: 'InProgress', startedAt: deps.services.clock.now().toISOString() }
      : current,
  );
  if (command.operation === 'validate') {
    await runValidatePhase(run);
    return;
  }
  await runStatefulPhase(run, command.operation, stepState);
}

/**
 * The one fault handler of a phase. A transient fault before the last delivery is rethrown, so Service Bus
 * redelivers the message; anything else ends the operation Failed with the reason.
 */
async function endOnFault(run: PhaseRun, error: Error, notes: Partial<OperationRecord>): Promise<void> {
  const { deps, command, delivery } = run;
  const lastDelivery = delivery.deliveryCount >= delivery.maxDeliveryCount;
  const transient = isTransient(error);
  if (transient && !lastDelivery) {
    deps.log(
      `${command.operation} ${command.operationId}: transient fault on delivery ${delivery.deliveryCount} of ${delivery.maxDeliveryCount}, will be retried: ${error.message}`,
    );
    throw error;
  }
  const code =
    error instanceof OperationFault || error instanceof TransientFault ? error.code : 'InternalServerError';
  // Azure's own text for an unexplained failure (H5 #1); the detail goes to the log.
  const reason = code === 'InternalServerError' ? 'Internal server error' : error.message;
  const message = transient
    ? `${reason} Gave up after the last of ${delivery.maxDeliveryCount} deliveries.`
    : reason;
  deps.log(
    `${command.operation} ${command.operationId} failed on delivery ${delivery.deliveryCount}: ${error.stack ?? error.message}`,
  );
  await failOperation(
    finaliseDeps(deps),
    refOf(run),
    { code, message, httpStatusCode: statusOf(error) },
    notes,
  );
}

/**
 * Validate goes through the entity like every phase (it records the operation id) but never holds the
 * scope. Validation has no side effects, so a redelivery simply validates again for the record's findings.
 */
async function runValidatePhase(run: PhaseRun): Promise<void> {
  const { deps } = run;
  const decision = await requestDecision(
    deps.entity,
    run.scopeKey,
    requestOf(run, 'validate'),
    waitOptions(deps),
  );
  const outcome = await runValidate(run);
  if (decision.decision === 'started') {
    await completeEntity(
      run,
      outcome.status === 'Succeeded' ? 'succeeded' : 'failed',
      outcome.error?.code,
      outcome.error?.message,
    );
  }
  await finish(run, { ...outcome, decision: 'started' });
}

async function runStatefulPhase(
  run: PhaseRun,
  operation: 'prepare' | 'commit' | 'abort',
  stepState: StepState,
): Promise<void> {
  const { deps } = run;
  const state = await deps.entity.read(run.scopeKey);
  let decision = state && decisionFor(state, run.command.operationId);
  if (!decision) {
    // Prepare re-runs validation with the pre-flight checks before it may lock anything (D1).
    if (operation === 'prepare') {
      const failure = await precheckPrepare(run);
      if (failure) {
        await finish(run, failure);
        return;
      }
    }
    decision = await requestDecision(deps.entity, run.scopeKey, requestOf(run, operation), waitOptions(deps));
  }
  if (decision.decision === 'started') {
    await runSteps(run, phaseSteps[operation], stepState);
    return;
  }
  await finish(run, outcomeOfDecision(decision));
}

/** Runs the phase's steps, then tells the entity how it went (a throw goes to the phase's fault handler). */
async function runSteps(run: PhaseRun, steps: readonly PhaseStep[], stepState: StepState): Promise<void> {
  const { deps, command } = run;
  for (const [index, step] of steps.entries()) {
    await injectFault(run, step.name);
    const stepStarted = deps.services.clock.now().getTime();
    await step.run(run, stepState);
    deps.log(
      `${command.operation} ${command.operationId}: step ${step.name} took ${deps.services.clock.now().getTime() - stepStarted} ms`,
    );
    await deps.entity.signal(run.scopeKey, {
      type: 'progress',
      operationId: command.operationId,
      step: step.title,
      done: index + 1,
      total: steps.length,
      now: deps.services.clock.now().toISOString(),
    });
  }
  await injectFault(run, finishCheckpoint);
  await completeEntity(run, 'succeeded');
  await finish(run, { status: 'Succeeded', decision: 'started', extra: stepState.notes });
}

/** The checkpoint after the last step, before the entity hears the outcome (`<phase>.finish`). */
export const finishCheckpoint = 'finish';

/** Fires the fault planned for this step of this scope, if any (see ports/fault-injector.port.ts). */
async function injectFault(run: PhaseRun, stepName: string): Promise<void> {
  const fault = await run.deps.faults.take(run.scopeKey, `${run.command.operation}.${stepName}`);
  if (!fault) return;
  switch (fault.kind) {
    case 'transient':
      throw new TransientFault('InjectedTransientFault', fault.message);
    case 'fatal':
      throw new OperationFault('InjectedFault', fault.message);
    case 'crash':
      run.deps.log(`${run.command.operation} ${run.command.operationId}: injected crash at ${stepName}`);
      if (run.deps.crash) run.deps.crash(fault.message);
      throw new TransientFault('InjectedCrash', `${fault.message} (no process to crash here)`);
  }
}

function requestOf(run: PhaseRun, operation: PhaseCommand['operation']) {
  const { deps, command } = run;
  return {
    type: 'request' as const,
    operationId: command.operationId,
    operation,
    now: deps.services.clock.now().toISOString(),
    leaseSeconds: deps.services.config.operationLeaseSeconds,
    requestedBy: command.requestedBy,
    scopeLabel: describeScope(command.scope),
  };
}

async function completeEntity(
  run: PhaseRun,
  outcome: 'succeeded' | 'failed',
  code?: string,
  message?: string,
): Promise<void> {
  const { deps, command } = run;
  await deps.entity.signal(run.scopeKey, {
    type: 'complete',
    operationId: command.operationId,
    outcome,
    now: deps.services.clock.now().toISOString(),
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
  });
  // The record turns final only once the entity shows the outcome, so status readers never see a
  // Succeeded operation on a scope that is still Preparing.
  await waitUntilEnded(deps.entity, run.scopeKey, command.operationId, waitOptions(deps));
}

/** Writes the final record (with the scope's resulting state), audits it and publishes the event. */
async function finish(run: PhaseRun, outcome: PhaseOutcome): Promise<void> {
  await finishOperation(finaliseDeps(run.deps), refOf(run), outcome);
}

/** The operation record, created from the command when the surface that queued it did not. */
async function ensureRecord(run: PhaseRun): Promise<OperationRecord> {
  const { deps, command } = run;
  const existing = await deps.services.operations.get(command.operationId);
  if (existing) return existing;
  await deps.services.operations.create(queuedRecordOf(command, run.scopeKey));
  const created = await deps.services.operations.get(command.operationId);
  if (!created)
    throw new TransientFault(
      'OperationRecordMissing',
      `Operation ${command.operationId} could not be read back.`,
    );
  return created;
}

function refOf(run: PhaseRun): OperationRef {
  const { command } = run;
  return {
    operationId: command.operationId,
    operation: command.operation,
    scope: command.scope,
    scopeKey: run.scopeKey,
    requestedBy: command.requestedBy,
    source: command.source,
  };
}

function finaliseDeps(deps: PhaseDeps): FinaliseDeps {
  return { services: deps.services, entity: deps.entity, wait: waitOptions(deps), log: deps.log };
}

function waitOptions(deps: PhaseDeps): WaitOptions {
  return { timeoutMs: deps.services.config.entityDecisionTimeoutMs, ...deps.wait };
}

function statusOf(error: Error): number {
  return error instanceof OperationFault ? error.httpStatusCode : 500;
}
