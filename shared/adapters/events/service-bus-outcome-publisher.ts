/**
 * Outcome events on the Service Bus topic `migration-events`, as CloudEvents in structured mode: the body
 * is the event, the message id its id (hashed past 128 characters; duplicate detection drops a republish),
 * and the type and id are copied into application properties so subscription filters can select on them.
 */
import { eventsTopic } from '../../contracts/names';
import type { OutcomeEvent } from '../../contracts/outcome-event';
import { boundedServiceBusId } from '../../contracts/service-bus-ids';
import type { MessageSender } from '../../ports/message-sender.port';
import type { OutcomePublisher } from '../../ports/outcome-publisher.port';

export class ServiceBusOutcomePublisher implements OutcomePublisher {
  readonly #messages: MessageSender;

  constructor(messages: MessageSender) {
    this.#messages = messages;
  }

  async publish(event: OutcomeEvent): Promise<void> {
    await this.#messages.send(eventsTopic, [
      {
        body: event,
        // A 128-character client operation id plus `.Succeeded` passes Service Bus's 128-character limit.
        messageId: boundedServiceBusId(event.id),
        contentType: 'application/cloudevents+json',
        subject: event.subject,
        applicationProperties: { 'cloudEvents:type': event.type, 'cloudEvents:id': event.id },
      },
    ]);
  }
}
