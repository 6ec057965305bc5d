/**
 * Runs one phase message (validate, prepare, commit, abort) to its end, idempotently.
 *
 * At-least-once delivery means any step may run twice and the process may die between any two steps, so:
 * - the operation record is created if missing and never leaves a terminal status;
 * - no phase work starts before the scope entity has accepted this operation id;
 * - a redelivered message asks the entity how this operation id was answered and carries on from there
 *   (work steps are idempotent, so "carry on" means "run the steps again");
 * - a transient fault is thrown (the message is redelivered) except on the last delivery, where the
 *   operation fails with the reason instead of ending unexplained in the dead-letter queue;
 * - the outcome event is published after the record is final, with the event id as message id, so a
 *   duplicate publish is dropped by duplicate detection.
 */
import { type OperationRecord, queuedRecordOf, recordableFindings } from '../../contracts/operation-record';
import type { PhaseCommand } from '../../contracts/phase-command';
import { type Decision, decisionFor } from '../../domain/migration/scope-entity.reducer';
import { describeScope, scopeKey } from '../../domain/scope/scope';
import { ensureError, isTransient, OperationFault, TransientFault } from '../errors';
import { publishOutcome } from '../outcome-event';
import { requestDecision, waitForDecision, type WaitOptions } from '../scope-decision';
import type { Delivery, PhaseDeps, PhaseRun } from './phase-context';
import type { PhaseOutcome } from './phase-outcome';
import { type PhaseStep, phaseSteps, type StepState } from './phase-steps';
import { precheckPrepare, runValidate } from './validate.phase';

export async function runPhase(deps: PhaseDeps, command: PhaseCommand, delivery: Delivery): Promise<void> {
  const run: PhaseRun = { deps, command, scopeKey: scopeKey(command.scope), delivery };
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
  await runStatefulPhase(run, command.operation);
}

/**
 * Validate goes through the entity like every phase (it records the operation id) but never holds the
 * scope. Validation has no side effects, so a redelivery simply validates again for the record's findings.
 */
async function runValidatePhase(run: PhaseRun): Promise<void> {
  const { deps, command } = run;
  const decision = await requestDecision(
    deps.entity,
    run.scopeKey,
    {
      type: 'request',
      operationId: command.operationId,
      operation: 'validate',
      now: deps.services.clock.now().toISOString(),
      leaseSeconds: deps.services.config.operationLeaseSeconds,
      requestedBy: command.requestedBy,
      scopeLabel: describeScope(command.scope),
    },
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

async function runStatefulPhase(run: PhaseRun, operation: 'prepare' | 'commit' | 'abort'): Promise<void> {
  const { deps, command } = run;
  const state = await deps.entity.read(run.scopeKey);
  let decision = state && decisionFor(state, command.operationId);
  if (!decision) {
    // Prepare re-runs validation with the pre-flight checks before it may lock anything (reference §2.1).
    if (operation === 'prepare') {
      const failure = await precheckPrepare(run);
      if (failure) {
        await finish(run, failure);
        return;
      }
    }
    decision = await requestDecision(
      deps.entity,
      run.scopeKey,
      {
        type: 'request',
        operationId: command.operationId,
        operation,
        now: deps.services.clock.now().toISOString(),
        leaseSeconds: deps.services.config.operationLeaseSeconds,
        requestedBy: command.requestedBy,
        scopeLabel: describeScope(command.scope),
      },
      waitOptions(deps),
    );
  }
  if (decision.decision === 'started') {
    await runSteps(run, phaseSteps[operation]);
    return;
  }
  await finish(run, outcomeOf(decision));
}

/** Runs the phase's steps, then tells the entity how it went. */
async function runSteps(run: PhaseRun, steps: readonly PhaseStep[]): Promise<void> {
  const { deps, command } = run;
  const stepState: StepState = { notes: {} };
  try {
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
  } catch (caught) {
    const error = ensureError(caught);
    const lastDelivery = run.delivery.deliveryCount >= run.delivery.maxDeliveryCount;
    if (isTransient(error) && !lastDelivery) {
      deps.log(
        `${command.operation} ${command.operationId}: transient fault, will be retried: ${error.message}`,
      );
      throw error;
    }
    const code =
      error instanceof OperationFault || error instanceof TransientFault ? error.code : 'InternalServerError';
    // Azure's own text for an unexplained failure (reference §5, message 1); the detail goes to the log.
    const message = code === 'InternalServerError' ? 'Internal server error' : error.message;
    deps.log(`${command.operation} ${command.operationId} failed: ${error.stack ?? error.message}`);
    await completeEntity(run, 'failed', code, message);
    await finish(run, {
      status: 'Failed',
      error: { code, message, httpStatusCode: statusOf(error) },
      extra: stepState.notes,
    });
    return;
  }
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
  await waitForDecision(
    deps.entity,
    run.scopeKey,
    command.operationId,
    (decision) => decision.decision !== 'started',
    waitOptions(deps),
  );
}

/** The outcome of an operation the entity already answered (a redelivery, a refusal, a no-op). */
function outcomeOf(decision: Decision): PhaseOutcome {
  switch (decision.decision) {
    case 'succeeded':
    case 'noop':
      return { status: 'Succeeded', decision: decision.decision };
    case 'refused':
      return {
        status: 'Failed',
        decision: 'refused',
        error: {
          code: decision.code ?? 'Refused',
          message: decision.message ?? 'Refused.',
          httpStatusCode: 409,
        },
      };
    case 'failed':
    case 'abandoned':
      return {
        status: 'Failed',
        decision: decision.decision,
        error: { code: decision.code ?? 'Failed', message: decision.message ?? 'The operation failed.' },
      };
    case 'started':
      // Not reachable: a started operation runs its steps (runStatefulPhase) or validates (runValidatePhase).
      return {
        status: 'Failed',
        decision: 'started',
        error: { code: 'InternalServerError', message: 'Internal server error' },
      };
  }
}

/** Writes the final record (with the scope's resulting state), audits it and publishes the event. */
async function finish(run: PhaseRun, outcome: PhaseOutcome): Promise<void> {
  const { deps, command } = run;
  const entityState = await deps.entity.read(run.scopeKey);
  const now = deps.services.clock.now().toISOString();
  const record = await deps.services.operations.update(command.operationId, (current) =>
    current.status === 'Succeeded' || current.status === 'Failed'
      ? current
      : {
          ...current,
          ...outcome.extra,
          status: outcome.status,
          finishedAt: now,
          ...(entityState ? { resultingState: entityState.state } : {}),
          ...(outcome.decision === undefined ? {} : { decision: outcome.decision }),
          ...(outcome.error === undefined ? {} : { error: outcome.error }),
          ...recordableFindings(outcome.findings ?? outcome.extra?.findings),
        },
  );
  await deps.services.audit.append({
    at: now,
    scopeKey: run.scopeKey,
    operationId: command.operationId,
    actor: command.requestedBy,
    source: command.source,
    action: command.operation,
    outcome: record.error ? `${record.status}: ${record.error.code}` : record.status,
    ...(record.error ? { detail: record.error.message } : {}),
  });
  if (entityState) {
    await deps.services.scopeIndex.upsert({
      subscriptionId: command.scope.subscriptionId,
      scopeKey: run.scopeKey,
      kind: command.scope.kind,
      name: command.scope.name,
      state: entityState.state,
      lastOperationId: record.operationId,
      lastOperation: record.operation,
      lastStatus: record.status,
      updatedAt: now,
    });
  }
  await publishOutcome(deps.services, record);
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

function waitOptions(deps: PhaseDeps): WaitOptions {
  return { timeoutMs: deps.services.config.entityDecisionTimeoutMs, ...deps.wait };
}

function statusOf(error: Error): number {
  return error instanceof OperationFault ? error.httpStatusCode : 500;
}
