/**
 * Dead-letter queues of the local Service Bus: one Azurite queue per entity (`sb-<entity>-deadletter`), holding
 * the message envelope with `deadLetterReason` / `deadLetterErrorDescription` set, as Service Bus does on
 * `<entity>/$DeadLetterQueue`.
 */
import { MessageEnvelope, parseEnvelope, serializeEnvelope } from './message-envelope';
import { StorageClients } from './storage-clients';
import { deadLetterQueueName } from './storage-names';

/** Azure Storage returns at most 32 messages per peek or receive. */
export const maxMessagesPerCall = 32;

/** Service Bus's reason when a message exceeded the entity's maxDeliveryCount. */
export const maxDeliveryCountExceeded = 'MaxDeliveryCountExceeded';

export async function sendToDeadLetter(
  clients: StorageClients,
  entityPath: string,
  envelope: MessageEnvelope,
  reason: string,
  description: string | undefined,
): Promise<void> {
  const queue = await clients.queue(deadLetterQueueName(entityPath));
  const deadLettered: MessageEnvelope = {
    ...envelope,
    deadLetterReason: reason,
    deadLetterErrorDescription: description,
    deadLetterSource: entityPath,
  };
  await queue.sendMessage(serializeEnvelope(deadLettered), { messageTimeToLive: -1 });
}

export async function peekDeadLetters(
  clients: StorageClients,
  entityPath: string,
  maxCount: number,
): Promise<MessageEnvelope[]> {
  const queue = await clients.queue(deadLetterQueueName(entityPath));
  const peeked = await queue.peekMessages({ numberOfMessages: clampCount(maxCount) });
  return peeked.peekedMessageItems.map((item) => parseEnvelope(item.messageText));
}

/** Receive-and-delete: removes the returned messages from the dead-letter queue. */
export async function receiveDeadLetters(
  clients: StorageClients,
  entityPath: string,
  maxCount: number,
): Promise<MessageEnvelope[]> {
  const queue = await clients.queue(deadLetterQueueName(entityPath));
  const received = await queue.receiveMessages({
    numberOfMessages: clampCount(maxCount),
    visibilityTimeout: 30,
  });
  const envelopes: MessageEnvelope[] = [];
  for (const item of received.receivedMessageItems) {
    envelopes.push(parseEnvelope(item.messageText));
    await queue.deleteMessage(item.messageId, item.popReceipt);
  }
  return envelopes;
}

function clampCount(count: number): number {
  return Math.max(1, Math.min(maxMessagesPerCall, Math.floor(count)));
}
