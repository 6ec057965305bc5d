/**
 * Sends through the dev host's Service Bus emulation on Azurite (see devhost/README.md), for `npm start`
 * and tests: the same sessions, duplicate detection and dead-lettering semantics the phase functions rely
 * on in Azure.
 */
import type { MessageSender, OutgoingMessage } from '../../ports/message-sender.port';
import type { LocalServiceBusClient } from '../local-service-bus/local-service-bus-client';

export class LocalMessageSender implements MessageSender {
  readonly #client: LocalServiceBusClient;

  constructor(client: LocalServiceBusClient) {
    this.#client = client;
  }

  async send(entityName: string, messages: OutgoingMessage[]): Promise<void> {
    await this.#client.sendMessages(
      entityName,
      messages.map((message) => ({ contentType: 'application/json', ...message })),
    );
  }
}
