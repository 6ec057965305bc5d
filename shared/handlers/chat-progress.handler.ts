/**
 * The `chat-progress` storage-queue trigger: reads the check, runs it (use-cases/chat/chat-progress.ts).
 * A message that is not a progress check is logged and completed; a fault is thrown, so the queue
 * delivers the message again (poison after 5).
 */
import type { InvocationContext } from '@azure/functions';

import type { Services } from '../composition';
import { progressTickSchema } from '../contracts/chat-progress';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { checkProgress } from '../use-cases/chat/chat-progress';

export async function handleProgressTick(
  services: Services,
  entity: ScopeEntityGateway,
  message: unknown,
  context: InvocationContext,
): Promise<void> {
  const tick = progressTickSchema.safeParse(typeof message === 'string' ? safeJson(message) : message);
  if (!tick.success) {
    context.warn(`Dropping a chat-progress message that is not a progress check: ${tick.error.message}`);
    return;
  }
  const outcome = await checkProgress({ ...services, entity, log: (line) => context.log(line) }, tick.data);
  context.log(`Chat progress of ${tick.data.operationId}: ${outcome}.`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
