/**
 * Publishes the CloudEvent for a finished operation (contracts/outcome-event.ts) to whoever listens: the
 * Service Bus topic `migration-events` always, an Event Grid custom topic when one is configured. The event
 * id is stable per operation and outcome, so a republish after a redelivery is a duplicate the target drops
 * (Service Bus duplicate detection) or its subscribers must tolerate (Event Grid delivers at least once).
 */
import type { OutcomeEvent } from '../contracts/outcome-event';

export interface OutcomePublisher {
  publish(event: OutcomeEvent): Promise<void>;
}
