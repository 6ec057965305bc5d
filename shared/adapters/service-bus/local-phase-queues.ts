/**
 * The phase queues' dead letters and sessions on the dev host's Service Bus emulation (Azurite), through
 * the local Service Bus library. Its limits: a storage queue can be peeked 32 messages deep, so a listing
 * shows at most the first 32 dead letters of a queue.
 */
import type { DeadLetteredMessage, PhaseQueues, QueuePresence } from '../../ports/dead-letter.port';
import type {
  LocalServiceBusClient,
  LocalServiceBusReceivedMessage,
} from '../local-service-bus/local-service-bus-client';

/** The storage queue peek limit. */
const maxPeek = 32;

export class LocalPhaseQueues implements PhaseQueues {
  readonly #client: LocalServiceBusClient;

  constructor(client: LocalServiceBusClient) {
    this.#client = client;
  }

  async peekDeadLetters(queue: string, maxCount: number): Promise<DeadLetteredMessage[]> {
    const peeked = await this.#client.peekDeadLetterMessages(queue, Math.min(maxCount, maxPeek));
    return peeked.map((message) => deadLetterOf(queue, message));
  }

  async takeDeadLetter(queue: string, messageId: string): Promise<DeadLetteredMessage | undefined> {
    const taken = await this.#client.takeDeadLetterMessage(queue, messageId);
    return taken && deadLetterOf(queue, taken);
  }

  async findCommand(queue: string, sessionId: string, operationId: string): Promise<QueuePresence> {
    const messages = await this.#client.peekSessionMessages(queue, sessionId, maxPeek);
    if (messages.some((message) => isCommandOf(message, operationId))) return 'present';
    // A session this deep was not seen to its end.
    return messages.length >= maxPeek ? 'unknown' : 'absent';
  }
}

/** A phase command of the operation: message id = operation id, or a replay carrying it in its body. */
export function isCommandOf(message: { messageId?: unknown; body: unknown }, operationId: string): boolean {
  if (message.messageId === operationId) return true;
  const body = message.body as { operationId?: unknown } | null | undefined;
  return typeof body === 'object' && body !== null && body.operationId === operationId;
}

export function deadLetterOf(queue: string, message: LocalServiceBusReceivedMessage): DeadLetteredMessage {
  return {
    queue,
    messageId: message.messageId,
    ...(message.sessionId === undefined ? {} : { sessionId: message.sessionId }),
    ...(message.subject === undefined ? {} : { subject: message.subject }),
    body: message.body,
    deliveryCount: message.deliveryCount,
    enqueuedAt: message.enqueuedTimeUtc.toISOString(),
    ...(message.deadLetterReason === undefined ? {} : { deadLetterReason: message.deadLetterReason }),
    ...(message.deadLetterErrorDescription === undefined
      ? {}
      : { deadLetterErrorDescription: message.deadLetterErrorDescription }),
  };
}
