/**
 * The `migrationRequests` Event Grid trigger: reads the envelope (Event Grid schema or CloudEvents 1.0) and
 * the request data, hands it to the use case, and maps the outcome to Event Grid's semantics: return to
 * complete the delivery, throw to have Event Grid deliver it again (transient faults included).
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import { readEnvelope, readRequestData } from '../contracts/migration-request-event';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { TransientFault } from '../use-cases/errors';
import { recordRejectedEvent, requestOperationFromEvent } from '../use-cases/events/request-from-event';

export async function handleMigrationRequestEvent(
  services: Services,
  entity: ScopeEntityGateway,
  rawEvent: unknown,
  context: InvocationContext,
): Promise<void> {
  const envelope = readEnvelope(rawEvent);
  if (!envelope.ok) {
    context.warn(`Dropping an event: ${envelope.reason}.`);
    await recordRejectedEvent(services, undefined, envelope.reason);
    return;
  }
  const { event } = envelope;
  const data = readRequestData(event);
  if (!data.ok) {
    context.warn(`Dropping event ${event.id} from ${event.source}: ${data.reason}.`);
    await recordRejectedEvent(services, event, data.reason);
    return;
  }
  const outcome = await requestOperationFromEvent({ ...services, entity }, event, data.data);
  switch (outcome.kind) {
    case 'admitted':
      context.log(
        `Event ${event.id}: ${outcome.existing ? 'already started' : 'started'} operation ${outcome.operation.operationId} (${outcome.operation.operation} of ${outcome.operation.scope.name}).`,
      );
      return;
    case 'dropped':
      context.warn(`Dropping event ${event.id}: ${outcome.code}: ${outcome.reason}`);
      return;
    case 'retry':
      throw new TransientFault(outcome.code, `Event ${event.id} will be delivered again: ${outcome.reason}`);
  }
}
