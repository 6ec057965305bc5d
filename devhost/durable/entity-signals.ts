/**
 * Entity signals travel as messages on one internal session-enabled local Service Bus queue, session id =
 * the entity's scheduler id (`@name@key`). The session machinery then gives exactly what the Durable engine
 * guarantees: per entity, signals are applied one batch at a time, in order, across every worker process.
 */
import { randomUUID } from 'node:crypto';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { createEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { canonicalEntity, schedulerId } from './entity-id';
import { PendingSignal } from './entity-store';

export const entitySignalQueue = 'devhost-durable-entities';

export class EntitySignalSender {
  readonly #bus: LocalServiceBusClient;

  constructor(bus: LocalServiceBusClient) {
    this.#bus = bus;
  }

  /** Queues a signal; `inputJson` is the operation input as JSON text (undefined for none). */
  async signal(
    entityName: string,
    entityKey: string,
    operation: string,
    inputJson: string | undefined,
  ): Promise<string> {
    const entity = canonicalEntity(entityName, entityKey);
    const pending: PendingSignal = {
      messageId: randomUUID(),
      entityName: entity.name,
      entityKey: entity.key,
      operation,
      input: inputJson,
    };
    await this.send(pending);
    return pending.messageId;
  }

  /** Sends a prepared signal; its messageId makes a re-send a duplicate the receiver drops. */
  async send(pending: PendingSignal): Promise<void> {
    const entity = canonicalEntity(pending.entityName, pending.entityKey);
    const envelope = createEnvelope(
      { body: pending, messageId: pending.messageId, sessionId: schedulerId(entity) },
      Date.now(),
    );
    await this.#bus.enqueue({ path: entitySignalQueue, requiresSession: true }, envelope);
  }
}
