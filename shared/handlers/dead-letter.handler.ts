/**
 * The dead-letter processor's trigger, on each phase queue's dead-letter sub-queue
 * (`<queue>/$DeadLetterQueue`): reads the message and what Service Bus says of it, hands it to the use case
 * (operations/finalise-dead-letter.ts) and logs the result. Returning completes the message; the use case
 * throws only a transient fault, so the message comes back from the dead-letter queue.
 *
 * Where the reason is: Service Bus keeps `DeadLetterReason` and `DeadLetterErrorDescription` as application
 * properties of the dead-lettered message, which the Functions host passes as
 * `triggerMetadata.applicationProperties` (the dev host does the same). Hazard: @azure/functions camel-cases
 * trigger metadata keys at every depth, so they arrive as `deadLetterReason`; both spellings are read.
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { finaliseDeadLetter } from '../use-cases/operations/finalise-dead-letter';
import { operationDeps } from '../use-cases/operations/operation-deps';

export async function handleDeadLetter(
  queue: string,
  services: Services,
  entity: ScopeEntityGateway,
  message: unknown,
  context: InvocationContext,
): Promise<void> {
  const metadata = context.triggerMetadata ?? {};
  const properties = (metadata.applicationProperties ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length > 0 ? value : undefined;
  const reason =
    text(properties.deadLetterReason) ?? text(properties.DeadLetterReason) ?? text(metadata.deadLetterReason);
  const description =
    text(properties.deadLetterErrorDescription) ??
    text(properties.DeadLetterErrorDescription) ??
    text(metadata.deadLetterErrorDescription);
  const sessionId = text(metadata.sessionId);
  const deliveryCount = Number(metadata.deliveryCount ?? 0);
  const result = await finaliseDeadLetter(
    operationDeps(services, entity, (line) => context.log(line)),
    {
      queue,
      messageId: text(metadata.messageId) ?? '',
      ...(sessionId === undefined ? {} : { sessionId }),
      body: message,
      deliveryCount: Number.isFinite(deliveryCount) ? deliveryCount : 0,
      ...(reason === undefined ? {} : { deadLetterReason: reason }),
      ...(description === undefined ? {} : { deadLetterErrorDescription: description }),
    },
  );
  const summary =
    'operation' in result
      ? `${result.kind} operation ${result.operation.operationId} (${result.operation.status}${result.operation.error ? `: ${result.operation.error.code}` : ''})`
      : `${result.kind}: ${result.reason}`;
  context.warn(`Dead letter on ${queue} (${reason ?? 'no reason'}): ${summary}`);
}
