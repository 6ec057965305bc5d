/**
 * Outcome events on an Event Grid custom topic (input schema CloudEvents 1.0), published with
 * `@azure/eventgrid`. One client per process, built here and reused for every event. In Azure the
 * credential is the app's managed identity (the topic has local auth disabled and grants the identity
 * EventGrid Data Sender); an `AzureKeyCredential` is for tests against a local endpoint.
 *
 * The event keeps its own id, so a republish after a redelivery carries the same id; Event Grid does not
 * de-duplicate, and its subscribers must handle at-least-once delivery anyway.
 */
import type { AzureKeyCredential, TokenCredential } from '@azure/core-auth';
import {
  type CloudEvent,
  EventGridPublisherClient,
  type EventGridPublisherClientOptions,
} from '@azure/eventgrid';

import type { OutcomeEvent } from '../../contracts/outcome-event';
import type { OutcomePublisher } from '../../ports/outcome-publisher.port';

export class EventGridOutcomePublisher implements OutcomePublisher {
  readonly #client: EventGridPublisherClient<'CloudEvent'>;

  /**
   * @param endpoint - the topic endpoint, e.g. `https://evgt-x.westeurope-1.eventgrid.azure.net/api/events`.
   * @param options - client options (retries; `allowInsecureConnection` only for a local test endpoint).
   */
  constructor(
    endpoint: string,
    credential: TokenCredential | AzureKeyCredential,
    options: EventGridPublisherClientOptions = {},
  ) {
    this.#client = new EventGridPublisherClient(endpoint, 'CloudEvent', credential, options);
  }

  async publish(event: OutcomeEvent): Promise<void> {
    await this.#client.send([toCloudEvent(event)]);
  }
}

export function toCloudEvent(event: OutcomeEvent): CloudEvent<OutcomeEvent['data']> {
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: new Date(event.time),
    datacontenttype: event.datacontenttype,
    data: event.data,
  };
}
