/**
 * The service's `Services` for handler tests, as the composition root builds them on the test run's
 * Azurite (the real Table stores), with the phase queues recorded instead of sent, a fixed clock and
 * ids that are unique across tests. Outcome events are recorded with the messages, on the events topic.
 */
import { inject } from 'vitest';

import { ServiceBusOutcomePublisher } from '../../shared/adapters/events/service-bus-outcome-publisher';
import { buildServices, type Services } from '../../shared/composition';
import { parseConfig } from '../../shared/config';
import { RecordingMessageSender } from '../fakes/recording-message-sender';

export interface TestServices extends Services {
  messages: RecordingMessageSender;
}

export function testServices(now = new Date('2026-01-02T03:04:05.000Z')): TestServices {
  const config = parseConfig({
    AzureWebJobsStorage: inject('azuriteConnectionString'),
    DEVHOST_SERVICE_BUS: 'azurite',
    FAULTS_ENABLED: 'true',
  });
  const messages = new RecordingMessageSender();
  return {
    ...buildServices(config),
    clock: { now: () => now },
    ids: { newId: () => crypto.randomUUID() },
    messages,
    // Outcome events go to the events topic through the recorded sender, as in Azure.
    outcomes: new ServiceBusOutcomePublisher(messages),
  };
}
