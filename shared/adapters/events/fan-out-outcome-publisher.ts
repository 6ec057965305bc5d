/**
 * Publishes each outcome event to several targets at once (the Service Bus topic and, when configured, the
 * Event Grid topic). Every target must take it: if any fails, `publish` throws an `AggregateError` naming
 * the targets that failed, the phase treats it as a transient fault and the message is redelivered. The
 * targets that did take the event get it again with the same id, which is safe: Service Bus drops it as a
 * duplicate and Event Grid subscribers handle at-least-once delivery anyway.
 */
import type { OutcomeEvent } from '../../contracts/outcome-event';
import type { OutcomePublisher } from '../../ports/outcome-publisher.port';

export interface NamedOutcomePublisher {
  /** How the target is named in errors, e.g. `service-bus:migration-events`. */
  name: string;
  publisher: OutcomePublisher;
}

export class FanOutOutcomePublisher implements OutcomePublisher {
  readonly #targets: readonly NamedOutcomePublisher[];

  constructor(targets: readonly NamedOutcomePublisher[]) {
    this.#targets = targets;
  }

  async publish(event: OutcomeEvent): Promise<void> {
    const results = await Promise.allSettled(this.#targets.map(({ publisher }) => publisher.publish(event)));
    const failures = results.flatMap((result, index) =>
      result.status === 'rejected'
        ? [{ name: this.#targets[index]!.name, reason: result.reason as unknown }]
        : [],
    );
    if (failures.length === 0) return;
    throw new AggregateError(
      failures.map((failure) => failure.reason),
      `Publishing outcome event ${event.id} failed on ${failures
        .map((failure) => `${failure.name} (${describe(failure.reason)})`)
        .join(', ')}`,
    );
  }
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
