/**
 * The `notifiers` subscription of `migration-events`: reads the outcome CloudEvent and posts it to the
 * chat conversation that asked for the operation (use-cases/chat/notify-outcome.ts). An event that is not
 * an outcome event is logged and completed; a failed post throws, so Service Bus delivers it again.
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import { outcomeEventSchema } from '../contracts/outcome-event';
import { notifyOutcome } from '../use-cases/chat/notify-outcome';

export async function handleOutcomeForChat(
  services: Services,
  message: unknown,
  context: InvocationContext,
): Promise<void> {
  const event = outcomeEventSchema.safeParse(message);
  if (!event.success) {
    context.warn(
      `Dropping a message on the notifiers subscription that is not an outcome event: ${event.error.message}`,
    );
    return;
  }
  const notice = await notifyOutcome({ ...services, log: (line) => context.log(line) }, event.data);
  context.log(`Chat notification of ${event.data.id}: ${notice}.`);
}
