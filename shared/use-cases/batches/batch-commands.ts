/** Reading batches, and pausing, resuming and cancelling them (audited, under the batch's ETag). */
import type { Services } from '../../composition';
import { commandBatch } from '../../domain/batch/batch-advance';
import type { Batch } from '../../domain/batch/batch-plan';
import type { BatchReport } from '../../domain/batch/batch-report';
import { batchAuditKey } from './create-batch';

export type BatchCommand = 'pause' | 'resume' | 'cancel';

export type BatchCommandResult =
  | { kind: 'done'; batch: Batch }
  | { kind: 'notFound' }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict' };

export async function runBatchCommand(
  deps: Pick<Services, 'batches' | 'audit' | 'clock'>,
  batchId: string,
  command: BatchCommand,
  by: string,
): Promise<BatchCommandResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await deps.batches.get(batchId);
    if (!stored) return { kind: 'notFound' };
    const now = deps.clock.now();
    const result = commandBatch(stored.batch, command, by, now);
    if ('refused' in result) return { kind: 'refused', message: result.refused };
    if (result.batch === stored.batch || (await deps.batches.replace(result.batch, stored.etag))) {
      await deps.audit.append({
        at: now.toISOString(),
        scopeKey: batchAuditKey(batchId),
        actor: by,
        source: 'batch',
        action: command,
        outcome: result.batch.run.status,
      });
      return { kind: 'done', batch: result.batch };
    }
  }
  return { kind: 'conflict' };
}

export async function getBatch(deps: Pick<Services, 'batches'>, batchId: string): Promise<Batch | undefined> {
  return (await deps.batches.get(batchId))?.batch;
}

export function listBatches(deps: Pick<Services, 'batches'>, subscriptionId: string): Promise<Batch[]> {
  return deps.batches.list(subscriptionId);
}

export function getBatchReport(
  deps: Pick<Services, 'batches'>,
  batchId: string,
  run?: number,
): Promise<BatchReport | undefined> {
  return deps.batches.getReport(batchId, run);
}
