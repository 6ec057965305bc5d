/**
 * The batch scheduler's work (the `batchScheduler` timer): advance every active batch one step. For each
 * batch it reads the outcomes of the operations its scopes wait on, lets the pure `advanceBatch` decide,
 * starts what it decided through admission (idempotency key per batch, run, scope, phase and attempt),
 * saves under the batch's ETag, and writes the run's report when a run ends.
 *
 * Hazards: people pause or cancel a batch while the scheduler works on it, and in Azure two timer runs
 * can overlap after a restart. A save that loses the ETag race re-reads and decides again; the starts it
 * already made answer with the same operations (same idempotency keys), so nothing runs twice.
 */
import type { Services } from '../../composition';
import type { OperationRecord } from '../../contracts/operation-record';
import {
  advanceBatch,
  applyStart,
  type OperationOutcome,
  type StartAnswer,
  type StartCommand,
  startsNewRun,
} from '../../domain/batch/batch-advance';
import { type Batch, finishedBatchStatuses, maxBatchScopes } from '../../domain/batch/batch-plan';
import { batchReport, type ItemFindings } from '../../domain/batch/batch-report';
import { selectScopes } from '../../domain/batch/batch-selector';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { ensureError } from '../errors';
import { estateScopes } from '../estate-scopes';
import { type AdmissionResult, dispositionOf } from '../request-operation/operation-request';
import { requestOperation } from '../request-operation/request-operation';

export type AdvanceDeps = Pick<
  Services,
  | 'batches'
  | 'operations'
  | 'classicInventory'
  | 'inventoryVersions'
  | 'inventoryCache'
  | 'migrationProfiles'
  | 'scopeIndex'
  | 'audit'
  | 'messages'
  | 'clock'
  | 'ids'
> & { entity: ScopeEntityGateway };

export interface AdvanceSummary {
  batchId: string;
  status: string;
  started: number;
  error?: string;
}

/** Saves that lose the ETag race before the batch is left for the next tick. */
const maxAttempts = 5;

export async function advanceBatches(deps: AdvanceDeps): Promise<AdvanceSummary[]> {
  const active = await deps.batches.listActive();
  const summaries: AdvanceSummary[] = [];
  // One batch after another: each already runs up to maxConcurrent operations, and the timer has a minute.
  for (const { batch } of active) {
    try {
      summaries.push(await advanceOne(deps, batch.plan.batchId));
    } catch (caught) {
      // One broken batch must not stop the others; the next tick tries it again.
      summaries.push({
        batchId: batch.plan.batchId,
        status: batch.run.status,
        started: 0,
        error: ensureError(caught).message,
      });
    }
  }
  return summaries;
}

export async function advanceOne(deps: AdvanceDeps, batchId: string): Promise<AdvanceSummary> {
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.batches.get(batchId);
    if (!stored) return { batchId, status: 'Deleted', started: 0 };
    const before = stored.batch;
    const now = deps.clock.now();
    const decided = advanceBatch(before, {
      now,
      operations: await outcomesOf(deps, before),
      ...(startsNewRun(before, now) && 'selector' in before.plan.target
        ? {
            // A repeating plan's estate may have grown past what one batch holds: the first scopes run.
            selected: selectScopes(
              await estateScopes(deps, before.plan.subscriptionId),
              before.plan.target.selector,
            ).slice(0, maxBatchScopes),
          }
        : {}),
    });
    let batch = decided.batch;
    for (const command of decided.starts) {
      const answer = startAnswerOf(await startOne(deps, batch, command));
      batch = applyStart(batch, command, answer, now);
    }
    if (await deps.batches.replace(batch, stored.etag)) {
      const finished = !finishedBatchStatuses.includes(before.run.status) || before.run.run !== batch.run.run;
      if (finished && finishedBatchStatuses.includes(batch.run.status)) await writeReport(deps, batch);
      return { batchId, status: batch.run.status, started: decided.starts.length };
    }
    if (attempt >= maxAttempts) {
      return {
        batchId,
        status: before.run.status,
        started: 0,
        error: 'the batch kept changing; left for the next tick',
      };
    }
  }
}

async function outcomesOf(deps: AdvanceDeps, batch: Batch): Promise<Map<string, OperationOutcome>> {
  const ids = batch.run.items.flatMap((item) => (item.operationId === undefined ? [] : [item.operationId]));
  const records = await Promise.all(ids.map((id) => deps.operations.get(id)));
  const outcomes = new Map<string, OperationOutcome>();
  for (const record of records) if (record) outcomes.set(record.operationId, outcomeOf(record));
  return outcomes;
}

function outcomeOf(record: OperationRecord): OperationOutcome {
  const count = (severity: string) =>
    (record.findings ?? []).filter((finding) => finding.severity === severity).length;
  return {
    status: record.status,
    errors: count('Error'),
    warnings: count('Warning'),
    ...(record.error ? { code: record.error.code, message: record.error.message } : {}),
    ...(record.resultingState === undefined ? {} : { resultingState: record.resultingState }),
  };
}

function startOne(deps: AdvanceDeps, batch: Batch, command: StartCommand): Promise<AdmissionResult> {
  const { plan } = batch;
  const item = batch.run.items[command.itemIndex];
  if (!item) throw new Error(`Batch ${plan.batchId} has no item ${command.itemIndex}.`);
  return requestOperation(deps, {
    scope: { subscriptionId: plan.subscriptionId, kind: item.kind, name: item.name },
    operation: command.phase,
    options: command.phase === 'validate' && plan.includePreflight ? { includePreflight: true } : {},
    requestedBy: `${plan.createdBy} (batch ${plan.name})`,
    source: 'batch',
    origin: `batch ${plan.batchId} run ${batch.run.run}`,
    idempotencyKey: command.idempotencyKey,
  });
}

function startAnswerOf(result: AdmissionResult): StartAnswer {
  const disposition = dispositionOf(result);
  switch (disposition.kind) {
    case 'admitted':
      return { kind: 'started', operationId: disposition.operation.operationId };
    case 'permanent':
      return { kind: 'rejected', code: disposition.code, message: disposition.message };
    case 'later':
      return { kind: 'later', code: disposition.code, message: disposition.message };
  }
}

/** The run's report: states, statuses, and every finding code of its validations with their scopes. */
async function writeReport(deps: AdvanceDeps, batch: Batch): Promise<void> {
  const findings: ItemFindings[] = [];
  await Promise.all(
    batch.run.items.map(async (item, itemIndex) => {
      const step = item.steps.findLast(
        (candidate) => candidate.phase === 'validate' || candidate.phase === 'prepare',
      );
      if (!step) return;
      const record = await deps.operations.get(step.operationId);
      if (record?.findings)
        findings.push({ itemIndex, findings: record.findings, omitted: record.findingsOmitted ?? 0 });
    }),
  );
  findings.sort((a, b) => a.itemIndex - b.itemIndex);
  await deps.batches.saveReport(batchReport(batch, findings));
}
