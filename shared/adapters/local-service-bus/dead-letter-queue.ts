/**
 * Dead-letter queues of the local Service Bus: one Azurite queue per entity (`sb-<entity>-deadletter`), holding
 * the message envelope with `deadLetterReason` / `deadLetterErrorDescription` set, as Service Bus does on
 * `<entity>/$DeadLetterQueue`. As in Service Bus, the reason and description are also application properties
 * of the dead-lettered message (`DeadLetterReason`, `DeadLetterErrorDescription`), which is where a function
 * triggered on the dead-letter queue finds them.
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
    applicationProperties: {
      ...envelope.applicationProperties,
      DeadLetterReason: reason,
      ...(description === undefined ? {} : { DeadLetterErrorDescription: description }),
    },
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

/** How long messages looked at while searching for one stay hidden from other receivers. */
const searchVisibilitySeconds = 30;

/**
 * Removes the dead-lettered message with `messageId` and returns it (undefined when it is not there). The
 * messages looked at on the way are made visible again at once. Hazard: while the search runs they are
 * hidden from a function triggered on the dead-letter queue, which then simply takes them a moment later.
 */
export async function takeDeadLetter(
  clients: StorageClients,
  entityPath: string,
  messageId: string,
): Promise<MessageEnvelope | undefined> {
  const queue = await clients.queue(deadLetterQueueName(entityPath));
  const passedOver: { messageId: string; popReceipt: string }[] = [];
  try {
    for (;;) {
      const received = await queue.receiveMessages({
        numberOfMessages: maxMessagesPerCall,
        visibilityTimeout: searchVisibilitySeconds,
      });
      if (received.receivedMessageItems.length === 0) return undefined;
      for (const item of received.receivedMessageItems) {
        const envelope = parseEnvelope(item.messageText);
        if (envelope.messageId === messageId) {
          await queue.deleteMessage(item.messageId, item.popReceipt);
          return envelope;
        }
        passedOver.push({ messageId: item.messageId, popReceipt: item.popReceipt });
      }
    }
  } finally {
    for (const item of passedOver) {
      // A stale receipt (404/400) means someone else has the message now: nothing to give back.
      await queue.updateMessage(item.messageId, item.popReceipt, undefined, 0).catch(() => undefined);
    }
  }
}

function clampCount(count: number): number {
  return Math.max(1, Math.min(maxMessagesPerCall, Math.floor(count)));
}
