/**
 * Entity signals travel as messages on one internal session-enabled local Service Bus queue, session id =
 * the entity's scheduler id (`@name@key`). The session machinery then gives exactly what the Durable engine
 * guarantees: per entity, signals are applied one batch at a time, in order, across every worker process.
 *
 * In the Azure-like mode a signal carries `notBefore` (a scheduled enqueue time): the session queue orders
 * messages by activation time, so delays alone reorder client signals; a duplicated client signal is a
 * second message with its own id and delay (see signal-scheduling.ts).
 */
import { randomUUID } from 'node:crypto';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { createEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { Logger } from '../logging/logger';
import { canonicalEntity, schedulerId } from './entity-id';
import { PendingSignal } from './entity-store';
import { immediateSignals, SignalScheduling } from './signal-scheduling';

export const entitySignalQueue = 'devhost-durable-entities';

/** The message id of the second delivery of a duplicated client signal. */
export const duplicateSignalSuffix = ':again';

export class EntitySignalSender {
  readonly #bus: LocalServiceBusClient;
  readonly #scheduling: SignalScheduling;
  readonly #logger: Logger | undefined;

  constructor(bus: LocalServiceBusClient, scheduling: SignalScheduling = immediateSignals, logger?: Logger) {
    this.#bus = bus;
    this.#scheduling = scheduling;
    this.#logger = logger;
  }

  get scheduling(): SignalScheduling {
    return this.#scheduling;
  }

  /** Queues a client's signal; `inputJson` is the operation input as JSON text (undefined for none). */
  async signal(
    entityName: string,
    entityKey: string,
    operation: string,
    inputJson: string | undefined,
  ): Promise<string> {
    const entity = canonicalEntity(entityName, entityKey);
    const plan = this.#scheduling.forClientSignal();
    const now = Date.now();
    const pending: PendingSignal = {
      messageId: randomUUID(),
      entityName: entity.name,
      entityKey: entity.key,
      operation,
      input: inputJson,
      ...(plan.delayMs > 0 ? { notBefore: now + plan.delayMs } : {}),
    };
    await this.send(pending);
    if (plan.duplicateDelayMs !== undefined) {
      await this.send({
        ...pending,
        messageId: `${pending.messageId}${duplicateSignalSuffix}`,
        notBefore: now + plan.duplicateDelayMs,
      });
    }
    if (this.#scheduling.delays) {
      this.#logger?.debug(`Signal '${operation}' to '${schedulerId(entity)}' scheduled.`, {
        event: 'signalScheduled',
        messageId: pending.messageId,
        entity: schedulerId(entity),
        operation,
        delayMs: plan.delayMs,
        duplicateDelayMs: plan.duplicateDelayMs,
      });
    }
    return pending.messageId;
  }

  /** Sends a prepared signal; its messageId makes a re-send a duplicate the receiver drops. */
  async send(pending: PendingSignal): Promise<void> {
    const entity = canonicalEntity(pending.entityName, pending.entityKey);
    const envelope = createEnvelope(
      {
        body: pending,
        messageId: pending.messageId,
        sessionId: schedulerId(entity),
        ...(pending.notBefore === undefined ? {} : { scheduledEnqueueTimeUtc: new Date(pending.notBefore) }),
      },
      Date.now(),
    );
    await this.#bus.enqueue({ path: entitySignalQueue, requiresSession: true }, envelope);
  }
}
