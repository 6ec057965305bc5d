/**
 * Sends through Azure Service Bus (`@azure/service-bus`). One ServiceBusClient per process and one
 * sender per entity, reused across invocations as Microsoft's guidance for Functions asks.
 */
import { ServiceBusClient, type ServiceBusMessage, type ServiceBusSender } from '@azure/service-bus';

import type { MessageSender, OutgoingMessage } from '../../ports/message-sender.port';

export class ServiceBusMessageSender implements MessageSender {
  readonly #client: ServiceBusClient;
  readonly #senders = new Map<string, ServiceBusSender>();

  constructor(client: ServiceBusClient) {
    this.#client = client;
  }

  async send(entityName: string, messages: OutgoingMessage[]): Promise<void> {
    let sender = this.#senders.get(entityName);
    if (!sender) {
      sender = this.#client.createSender(entityName);
      this.#senders.set(entityName, sender);
    }
    await sender.sendMessages(messages.map(toServiceBusMessage));
  }
}

export function toServiceBusMessage(message: OutgoingMessage): ServiceBusMessage {
  return {
    body: message.body,
    messageId: message.messageId,
    contentType: message.contentType ?? 'application/json',
    ...(message.sessionId === undefined ? {} : { sessionId: message.sessionId }),
    ...(message.subject === undefined ? {} : { subject: message.subject }),
    ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
    ...(message.applicationProperties === undefined
      ? {}
      : { applicationProperties: message.applicationProperties }),
    ...(message.scheduledEnqueueTimeUtc === undefined
      ? {}
      : { scheduledEnqueueTimeUtc: message.scheduledEnqueueTimeUtc }),
  };
}
