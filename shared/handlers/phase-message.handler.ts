/**
 * The Service Bus trigger of each phase queue: parse the command, run the phase, map the outcome.
 *
 * Settlement: returning completes the message; throwing abandons it (delivery count +1, redelivered, and
 * dead-lettered by the broker past `maxDeliveryCount`). A message that can never be processed (not a
 * phase command, or a command for another queue) is completed after recording why — throwing would only
 * retry it ten times and leave an unexplained dead letter (STYLE §5).
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import { type PhaseCommand, phaseCommandSchema } from '../contracts/phase-command';
import type { MigrationOperation } from '../domain/migration/migration-state';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { analyseScope } from '../use-cases/analyse-scope';
import { runPhase } from '../use-cases/phases/run-phase';

export interface PhaseTriggerSettings {
  maxDeliveryCount: number;
}

export async function handlePhaseMessage(
  operation: MigrationOperation,
  services: Services,
  entity: ScopeEntityGateway,
  settings: PhaseTriggerSettings,
  message: unknown,
  context: InvocationContext,
): Promise<void> {
  const parsed = phaseCommandSchema.safeParse(message);
  if (!parsed.success || parsed.data.operation !== operation) {
    await recordPoison(
      services,
      message,
      parsed.success
        ? `it is a ${parsed.data.operation} command on the ${operation} queue`
        : parsed.error.message,
      context,
    );
    return;
  }
  const command: PhaseCommand = parsed.data;
  const deliveryCount = Number(context.triggerMetadata?.deliveryCount ?? 1);
  await runPhase(
    {
      services,
      entity,
      analyse: analyseScope,
      faults: services.faults,
      log: (line) => context.log(line),
      // The `crash` fault: die like a crashed worker, so the host restarts it and the message comes back.
      crash: () => process.exit(137),
    },
    command,
    {
      deliveryCount: Number.isFinite(deliveryCount) ? deliveryCount : 1,
      maxDeliveryCount: settings.maxDeliveryCount,
    },
  );
}

async function recordPoison(
  services: Services,
  message: unknown,
  reason: string,
  context: InvocationContext,
): Promise<void> {
  context.error(`Discarding a message that is not a valid phase command: ${reason}`);
  const operationId = (message as { operationId?: unknown } | null)?.operationId;
  if (typeof operationId !== 'string') return;
  const record = await services.operations.get(operationId);
  if (!record || record.status === 'Succeeded' || record.status === 'Failed') return;
  await services.operations.update(operationId, (current) => ({
    ...current,
    status: 'Failed',
    finishedAt: services.clock.now().toISOString(),
    error: {
      code: 'InvalidMessage',
      message: `The queued command could not be processed: ${reason}. Start the operation again.`,
    },
  }));
}
