import { describe, expect, it } from 'vitest';

import { ServiceBusOutcomePublisher } from '../../../../shared/adapters/events/service-bus-outcome-publisher';
import { eventsTopic } from '../../../../shared/contracts/names';
import type { OutcomeEvent } from '../../../../shared/contracts/outcome-event';
import { RecordingMessageSender } from '../../../fakes/recording-message-sender';

const event = {
  specversion: '1.0',
  type: 'Classic.Migration.ValidateSucceeded',
  source: '/subscriptions/s/providers/Classic.Migration',
  id: 'op-3.Succeeded',
  time: '2026-01-02T03:04:05.000Z',
  subject: '/subscriptions/s/migrations/cloudServices/web',
  datacontenttype: 'application/json',
  data: {
    operationId: 'op-3',
    subscriptionId: 's',
    scopeKind: 'cloudService',
    name: 'web',
    operation: 'validate',
    status: 'Succeeded',
    requestedBy: 'carol',
    source: 'api',
    requestedAt: '2026-01-02T03:00:00.000Z',
    findings: { errors: 0, warnings: 0, information: 0 },
  },
} satisfies OutcomeEvent;

describe('ServiceBusOutcomePublisher', () => {
  it('When an outcome is published, then the events topic gets the CloudEvent keyed by its id for duplicate detection', async () => {
    const messages = new RecordingMessageSender();
    await new ServiceBusOutcomePublisher(messages).publish(event);
    expect(messages.sent).toEqual([
      {
        entityName: eventsTopic,
        message: {
          body: event,
          messageId: event.id,
          contentType: 'application/cloudevents+json',
          subject: event.subject,
          applicationProperties: { 'cloudEvents:type': event.type, 'cloudEvents:id': event.id },
        },
      },
    ]);
  });
});
