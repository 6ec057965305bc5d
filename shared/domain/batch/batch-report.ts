/**
 * The report a batch run writes when it ends: how many scopes ended in each MigrationState and item
 * status, and every finding code with the scopes that have it (the nightly "validate everything" plan's
 * morning read). Pure.
 */
import type { Finding } from '../validation/finding';
import type { Batch, BatchItemStatus } from './batch-plan';

export interface BatchReport {
  batchId: string;
  subscriptionId: string;
  name: string;
  run: number;
  status: string;
  startedIn?: string;
  finishedAt?: string;
  scopes: number;
  byState: Record<string, number>;
  byStatus: Partial<Record<BatchItemStatus, number>>;
  findings: {
    code: string;
    severity: Finding['severity'];
    /** One message of this code, to read without opening a scope. */
    example: string;
    scopes: { kind: string; name: string; count: number }[];
  }[];
  /** Findings left out of operation records (a record keeps the first 200): see each scope's status. */
  findingsOmitted: number;
}

export interface ItemFindings {
  itemIndex: number;
  findings: readonly Finding[];
  omitted: number;
}

export function batchReport(batch: Batch, findingsByItem: readonly ItemFindings[]): BatchReport {
  const { plan, run } = batch;
  const byState: Record<string, number> = {};
  const byStatus: Partial<Record<BatchItemStatus, number>> = {};
  for (const item of run.items) {
    const state = item.state ?? 'Unknown';
    byState[state] = (byState[state] ?? 0) + 1;
    byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
  }
  const codes = new Map<string, BatchReport['findings'][number]>();
  let omitted = 0;
  for (const { itemIndex, findings, omitted: left } of findingsByItem) {
    const item = run.items[itemIndex];
    if (!item) continue;
    omitted += left;
    const counts = new Map<string, number>();
    for (const finding of findings) {
      counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
      if (!codes.has(finding.code)) {
        codes.set(finding.code, {
          code: finding.code,
          severity: finding.severity,
          example: finding.message,
          scopes: [],
        });
      }
    }
    for (const [code, count] of counts)
      codes.get(code)?.scopes.push({ kind: item.kind, name: item.name, count });
  }
  const severityRank = { Error: 0, Warning: 1, Information: 2 } as const;
  return {
    batchId: plan.batchId,
    subscriptionId: plan.subscriptionId,
    name: plan.name,
    run: run.run,
    status: run.status,
    ...(run.runOccurrence === undefined ? {} : { startedIn: run.runOccurrence }),
    ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
    scopes: run.items.length,
    byState,
    byStatus,
    findings: [...codes.values()].sort(
      (a, b) =>
        severityRank[a.severity] - severityRank[b.severity] ||
        b.scopes.length - a.scopes.length ||
        a.code.localeCompare(b.code),
    ),
    findingsOmitted: omitted,
  };
}
