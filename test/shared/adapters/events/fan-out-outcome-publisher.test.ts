import { describe, expect, it } from 'vitest';

import { FanOutOutcomePublisher } from '../../../../shared/adapters/events/fan-out-outcome-publisher';
import type { OutcomeEvent } from '../../../../shared/contracts/outcome-event';
import type { OutcomePublisher } from '../../../../shared/ports/outcome-publisher.port';

const event = {
  specversion: '1.0',
  type: 'Classic.Migration.CommitFailed',
  source: '/subscriptions/s/providers/Classic.Migration',
  id: 'op-2.Failed',
  time: '2026-01-02T03:04:05.000Z',
  subject: '/subscriptions/s/migrations/virtualNetworks/v',
  datacontenttype: 'application/json',
  data: {
    operationId: 'op-2',
    subscriptionId: 's',
    scopeKind: 'virtualNetwork',
    name: 'v',
    operation: 'commit',
    status: 'Failed',
    requestedBy: 'bob',
    source: 'api',
    requestedAt: '2026-01-02T03:00:00.000Z',
    findings: { errors: 1, warnings: 0, information: 0 },
  },
} satisfies OutcomeEvent;

class Recording implements OutcomePublisher {
  readonly published: OutcomeEvent[] = [];
  constructor(readonly failure?: Error) {}
  publish(published: OutcomeEvent): Promise<void> {
    this.published.push(published);
    return this.failure ? Promise.reject(this.failure) : Promise.resolve();
  }
}

describe('FanOutOutcomePublisher', () => {
  it('When an event is published, then every target gets it', async () => {
    const first = new Recording();
    const second = new Recording();
    await new FanOutOutcomePublisher([
      { name: 'service-bus', publisher: first },
      { name: 'event-grid', publisher: second },
    ]).publish(event);
    expect(first.published).toEqual([event]);
    expect(second.published).toEqual([event]);
  });

  it('When one target fails, then publish rejects naming it, after the others were still tried', async () => {
    const healthy = new Recording();
    const failing = new Recording(new Error('503 Service Unavailable'));
    const publishing = new FanOutOutcomePublisher([
      { name: 'event-grid:evgt-out', publisher: failing },
      { name: 'service-bus:migration-events', publisher: healthy },
    ]).publish(event);

    await expect(publishing).rejects.toThrow(AggregateError);
    const error = (await publishing.catch((caught: unknown) => caught)) as AggregateError;
    expect(error.message).toContain('op-2.Failed');
    expect(error.message).toContain('event-grid:evgt-out (503 Service Unavailable)');
    expect(error.message).not.toContain('service-bus');
    expect(error.errors).toEqual([failing.failure]);
    expect(healthy.published).toEqual([event]);
  });

  it('When the targets are slow, then they are published to concurrently', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const slow: OutcomePublisher = {
      async publish() {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running -= 1;
      },
    };
    await new FanOutOutcomePublisher([
      { name: 'a', publisher: slow },
      { name: 'b', publisher: slow },
    ]).publish(event);
    expect(mostAtOnce).toBe(2);
  });
});
