/**
 * The Service Bus trigger of each phase queue: parse the command, run the phase, map the outcome.
 *
 * Settlement: returning completes the message; throwing abandons it (delivery count +1, redelivered, and
 * dead-lettered by the broker past `maxDeliveryCount`). A message that can never be processed (not a
 * phase command, or a command for another queue) is completed after ending the operation it names —
 * throwing would only retry it ten times and leave an unexplained dead letter.
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import { type PhaseCommand, phaseCommandSchema } from '../contracts/phase-command';
import type { MigrationOperation } from '../domain/migration/migration-state';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { analyseScopeInSlices } from '../use-cases/analyse-scope';
import { failInvalidMessage } from '../use-cases/operations/fail-invalid-message';
import { operationDeps } from '../use-cases/operations/operation-deps';
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
    context.error(`A message on the ${operation} queue is not a ${operation} command.`);
    await failInvalidMessage(
      operationDeps(services, entity, (line) => context.log(line)),
      message,
      parsed.success
        ? `it is a ${parsed.data.operation} command on the ${operation} queue`
        : parsed.error.message,
    );
    return;
  }
  const command: PhaseCommand = parsed.data;
  const deliveryCount = Number(context.triggerMetadata?.deliveryCount ?? 1);
  await runPhase(
    {
      services,
      entity,
      analyse: analyseScopeInSlices,
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
