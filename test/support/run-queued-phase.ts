/**
 * Runs the phase message a handler test's surface queued (on the recorded sender), as the phase trigger
 * would on its first delivery, with the scope entity in memory; answers the operation record it ends with.
 */
import { phaseQueues } from '../../shared/contracts/names';
import type { OperationRecord } from '../../shared/contracts/operation-record';
import { type PhaseCommand, phaseCommandSchema } from '../../shared/contracts/phase-command';
import { noFaults } from '../../shared/ports/fault-injector.port';
import type { ScopeEntityGateway } from '../../shared/ports/scope-entity.port';
import { analyseScope } from '../../shared/use-cases/analyse-scope';
import { runPhase } from '../../shared/use-cases/phases/run-phase';
import type { TestServices } from './test-services';

/** The command last queued on `phase`'s queue. */
export function lastQueued(services: TestServices, phase: keyof typeof phaseQueues): PhaseCommand {
  const sent = services.messages.sent.filter((message) => message.entityName === phaseQueues[phase]).at(-1);
  if (!sent) throw new Error(`nothing was queued on ${phaseQueues[phase]}`);
  return phaseCommandSchema.parse(sent.message.body);
}

export async function runQueuedPhase(
  services: TestServices,
  entity: ScopeEntityGateway,
  phase: keyof typeof phaseQueues,
): Promise<OperationRecord | undefined> {
  const command = lastQueued(services, phase);
  let now = 0;
  await runPhase(
    {
      services,
      entity,
      analyse: analyseScope,
      faults: noFaults,
      // The entity in memory decides at once: a few polls without sleeping are enough.
      wait: { timeoutMs: 100, pollMs: 10, sleep: () => Promise.resolve(), nowMs: () => (now += 10) },
      log: () => undefined,
    },
    command,
    { deliveryCount: 1, maxDeliveryCount: 10 },
  );
  return services.operations.get(command.operationId);
}
