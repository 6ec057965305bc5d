/** A batch as the JSON API shows it (README): `{ status, scopes: [{ kind, name, state, operationId? }] }`. */
import type { Batch, BatchItemStatus } from '../../domain/batch/batch-plan';
import { occurrencesBetween } from '../../domain/batch/maintenance-window';
import { scopeKindPaths } from '../../domain/scope/scope';

/** How many upcoming window occurrences the view lists. */
const upcomingShown = 3;

export function batchView(batch: Batch, baseUrl: string, now: Date) {
  const { plan, run } = batch;
  const counts: Partial<Record<BatchItemStatus, number>> = {};
  for (const item of run.items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  const horizon = new Date(now.getTime() + 400 * 24 * 60 * 60 * 1000);
  return {
    batchId: plan.batchId,
    name: plan.name,
    subscriptionId: plan.subscriptionId,
    status: run.status,
    ...(run.note === undefined ? {} : { note: run.note }),
    run: run.run,
    statusUrl: `${baseUrl}/api/batches/${encodeURIComponent(plan.batchId)}`,
    reportUrl: `${baseUrl}/api/batches/${encodeURIComponent(plan.batchId)}/report`,
    phases: plan.phases,
    target:
      'selector' in plan.target ? { selector: plan.target.selector } : { scopes: plan.target.scopes.length },
    window: {
      ...plan.windowInput,
      timeZoneResolved: plan.window.timeZone,
      ...(run.windowClosesAt === undefined ? {} : { open: true, closesAt: run.windowClosesAt }),
      ...(run.nextWindow === undefined ? {} : { nextOpening: run.nextWindow }),
      upcoming: occurrencesBetween(plan.window, now, horizon, upcomingShown).map((occurrence) => ({
        start: occurrence.start.toISOString(),
        end: occurrence.end.toISOString(),
      })),
    },
    maxConcurrent: plan.maxConcurrent,
    onFailure: plan.onFailure,
    abortOnFailure: plan.abortOnFailure,
    autoCommit: plan.autoCommit,
    repeat: plan.repeat,
    includePreflight: plan.includePreflight,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt,
    ...(run.lastAdvancedAt === undefined ? {} : { lastAdvancedAt: run.lastAdvancedAt }),
    ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
    counts,
    scopes: run.items.map((item) => ({
      kind: scopeKindPaths[item.kind],
      name: item.name,
      state: item.state ?? 'None',
      status: item.status,
      ...(item.operationId === undefined ? {} : { operationId: item.operationId }),
      ...(item.runningPhase === undefined ? {} : { phase: item.runningPhase }),
      ...(item.note === undefined ? {} : { note: item.note }),
      steps: item.steps,
    })),
  };
}
