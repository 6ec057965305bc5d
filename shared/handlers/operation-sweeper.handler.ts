/** The `operationSweeper` timer: ends operations left open (operations/sweep-operations.ts) and logs what it did. */
import type { InvocationContext, Timer } from '@azure/functions';

import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { operationDeps } from '../use-cases/operations/operation-deps';
import { sweepOperations } from '../use-cases/operations/sweep-operations';

export async function runOperationSweeper(
  services: Services,
  entity: ScopeEntityGateway,
  timer: Timer,
  context: InvocationContext,
): Promise<void> {
  if (timer.isPastDue) context.log('The operation sweeper is running late (past due).');
  const report = await sweepOperations(operationDeps(services, entity, (line) => context.log(line)));
  for (const swept of report.swept) {
    const line = `Operation ${swept.operationId}: ${swept.action}${swept.detail ? ` (${swept.detail})` : ''}`;
    if (swept.action === 'error') context.warn(line);
    else context.log(line);
  }
  context.log(`Operation sweep: ${report.open} open, ${report.swept.length} past the deadline.`);
}
