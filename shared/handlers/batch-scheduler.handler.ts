/** The `batchScheduler` timer: advances every active batch and logs what it did. */
import type { InvocationContext, Timer } from '@azure/functions';

import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { advanceBatches } from '../use-cases/batches/advance-batches';

export async function runBatchScheduler(
  services: Services,
  entity: ScopeEntityGateway,
  timer: Timer,
  context: InvocationContext,
): Promise<void> {
  if (timer.isPastDue) context.log('The batch scheduler is running late (past due).');
  const summaries = await advanceBatches({ ...services, entity });
  for (const summary of summaries) {
    if (summary.error) context.warn(`Batch ${summary.batchId}: not advanced: ${summary.error}`);
    else if (summary.started > 0 || summary.status !== 'Waiting')
      context.log(`Batch ${summary.batchId}: ${summary.status}, ${summary.started} operation(s) started.`);
  }
}
