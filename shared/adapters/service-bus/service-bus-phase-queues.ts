/**
 * The phase queues' dead letters and sessions on Azure Service Bus (`@azure/service-bus`):
 * - dead letters are read with `createReceiver(queue, { subQueueType: 'deadLetter' })`: peeked for a listing,
 *   received in peek-lock mode to take one back (the one asked for is completed, the others abandoned, which
 *   leaves them in the dead-letter queue: a message cannot be dead-lettered from there);
 * - a session can only be peeked by a receiver that accepts it. Hazard: while the sweeper holds it (one peek,
 *   then close) the Functions host cannot take that session; if the host holds it, the session is busy and
 *   the answer is `unknown` (the command is being handled, or will be).
 */
import { isServiceBusError, type ServiceBusClient, type ServiceBusReceivedMessage } from '@azure/service-bus';

import type { DeadLetteredMessage, PhaseQueues, QueuePresence } from '../../ports/dead-letter.port';
import { isCommandOf } from './local-phase-queues';

/** Messages looked at per call, and batches searched for a message to take back. */
const pageSize = 100;
const maxSearchBatches = 20;

export class ServiceBusPhaseQueues implements PhaseQueues {
  readonly #client: ServiceBusClient;

  constructor(client: ServiceBusClient) {
    this.#client = client;
  }

  async peekDeadLetters(queue: string, maxCount: number): Promise<DeadLetteredMessage[]> {
    const receiver = this.#client.createReceiver(queue, { subQueueType: 'deadLetter' });
    try {
      const peeked = await receiver.peekMessages(Math.max(1, Math.min(maxCount, pageSize)));
      return peeked.map((message) => deadLetterOf(queue, message));
    } finally {
      await receiver.close();
    }
  }

  async takeDeadLetter(queue: string, messageId: string): Promise<DeadLetteredMessage | undefined> {
    const receiver = this.#client.createReceiver(queue, {
      subQueueType: 'deadLetter',
      receiveMode: 'peekLock',
      maxAutoLockRenewalDurationInMs: 0,
    });
    const passedOver: ServiceBusReceivedMessage[] = [];
    try {
      for (let batch = 0; batch < maxSearchBatches; batch++) {
        const received = await receiver.receiveMessages(pageSize, { maxWaitTimeInMs: 2_000 });
        if (received.length === 0) return undefined;
        for (const message of received) {
          if (message.messageId === messageId) {
            await receiver.completeMessage(message);
            return deadLetterOf(queue, message);
          }
          passedOver.push(message);
        }
      }
      return undefined;
    } finally {
      for (const message of passedOver) await receiver.abandonMessage(message).catch(() => undefined);
      await receiver.close();
    }
  }

  async findCommand(queue: string, sessionId: string, operationId: string): Promise<QueuePresence> {
    let receiver;
    try {
      receiver = await this.#client.acceptSession(queue, sessionId, { maxAutoLockRenewalDurationInMs: 0 });
    } catch (error) {
      if (isServiceBusError(error) && error.code === 'SessionCannotBeLocked') return 'unknown';
      throw error;
    }
    try {
      const peeked = await receiver.peekMessages(pageSize);
      if (peeked.some((message) => isCommandOf(message, operationId))) return 'present';
      return peeked.length >= pageSize ? 'unknown' : 'absent';
    } finally {
      await receiver.close();
    }
  }
}

function deadLetterOf(queue: string, message: ServiceBusReceivedMessage): DeadLetteredMessage {
  return {
    queue,
    messageId: String(message.messageId ?? ''),
    ...(message.sessionId === undefined ? {} : { sessionId: message.sessionId }),
    ...(message.subject === undefined ? {} : { subject: message.subject }),
    body: message.body as unknown,
    deliveryCount: message.deliveryCount ?? 0,
    ...(message.enqueuedTimeUtc === undefined ? {} : { enqueuedAt: message.enqueuedTimeUtc.toISOString() }),
    ...(message.deadLetterReason === undefined ? {} : { deadLetterReason: message.deadLetterReason }),
    ...(message.deadLetterErrorDescription === undefined
      ? {}
      : { deadLetterErrorDescription: message.deadLetterErrorDescription }),
  };
}
