/**
 * Receives a non-session Service Bus entity from its Azurite queue with PeekLock semantics:
 * - the lock is the queue message's invisibility (entity lockDuration), renewed while the handler runs; a
 *   crashed worker's message becomes visible again when the lock expires and is redelivered;
 * - our own deliveryCount lives in the envelope and is written back before the handler runs, so a lock that
 *   expired also counts as a delivery, as in Service Bus;
 * - success completes (deletes); a throw abandons (visible again at once, with the error kept); a message
 *   that has been delivered maxDeliveryCount times is moved to the dead-letter queue with
 *   reason MaxDeliveryCountExceeded and the last error as description.
 * In the Azure-like mode (`expiredLockIsLost`) a handler that outlived its lock (renewal stops after
 * host.json `maxAutoLockRenewalDuration`) cannot settle, even if nobody received the message meanwhile (a
 * stale pop receipt would still work on Azurite; Service Bus refuses): `messageLockLost`, and the message,
 * visible again, is redelivered.
 */
import { QueueClient } from '@azure/storage-queue';

import {
  maxDeliveryCountExceeded,
  sendToDeadLetter,
} from '../../shared/adapters/local-service-bus/dead-letter-queue';
import {
  activationTime,
  isExpired,
  MessageEnvelope,
  messageEnvelopeSchema,
  serializeEnvelope,
} from '../../shared/adapters/local-service-bus/message-envelope';
import { onSend } from '../../shared/adapters/local-service-bus/send-notices';
import { storageStatus } from '../../shared/adapters/local-service-bus/storage-clients';
import { activeQueueName } from '../../shared/adapters/local-service-bus/storage-names';
import { describeError } from '../logging/logger';
import { PollingBackoff } from '../worker/polling-backoff';
import { ReceiveLoop } from '../worker/receive-loop';
import { LockRenewal } from './lock-renewal';
import {
  DeliverMessages,
  errorDescription,
  isDuplicateDelivery,
  lockSeconds,
  receiveLocked,
  ReceiverContext,
  tryParseJson,
} from './receiver-context';

interface ReceivedItem {
  messageId: string;
  popReceipt: string;
  messageText: string;
}

export class QueueReceiver {
  readonly #context: ReceiverContext;
  readonly #deliver: DeliverMessages;
  readonly #loop: ReceiveLoop<ReceivedItem>;
  #stopNotices: () => void = () => undefined;
  readonly #expiredLockIsLost: boolean;

  constructor(
    context: ReceiverContext,
    deliver: DeliverMessages,
    concurrency: number,
    maxPollingIntervalMs: number,
    expiredLockIsLost = false,
  ) {
    this.#context = context;
    this.#deliver = deliver;
    this.#expiredLockIsLost = expiredLockIsLost;
    this.#loop = new ReceiveLoop({
      room: (active) => concurrency - active,
      backoff: new PollingBackoff(50, maxPollingIntervalMs),
      logger: context.logger,
      receiveFailedMessage: `Receiving from '${context.entityPath}' failed; retrying.`,
      handleFailedMessage: `Settling a message of '${context.entityPath}' failed.`,
    });
  }

  async start(): Promise<void> {
    const queue = await this.#context.storage.queue(activeQueueName(this.#context.entityPath));
    this.#loop.start({
      receive: (room) => receiveLocked(queue, this.#context.properties.lockDurationMs, room),
      handle: (item) => this.#handle(queue, item),
    });
    this.#stopNotices = onSend(this.#context.entityPath, () => this.#loop.nudge());
  }

  /** Stops receiving; messages being handled finish and are settled by their own promises. */
  async stop(): Promise<void> {
    this.#stopNotices();
    await this.#loop.stop();
  }

  async #handle(queue: QueueClient, item: ReceivedItem): Promise<void> {
    const { entityPath, properties, logger } = this.#context;
    const parsed = messageEnvelopeSchema.safeParse(tryParseJson(item.messageText));
    if (!parsed.success) {
      logger.error(`A message on '${entityPath}' is not a local Service Bus envelope; dead-lettering it.`);
      await sendToDeadLetter(
        this.#context.storage,
        entityPath,
        rawEnvelope(item),
        'MalformedMessage',
        parsed.error.message,
      );
      await queue.deleteMessage(item.messageId, item.popReceipt);
      return;
    }
    const envelope = parsed.data;
    const now = Date.now();
    if (activationTime(envelope) > now) {
      // Queue visibility has one-second resolution: never deliver a scheduled message early.
      await queue.updateMessage(
        item.messageId,
        item.popReceipt,
        undefined,
        Math.ceil((activationTime(envelope) - now) / 1000),
      );
      return;
    }
    if (isExpired(envelope, now)) {
      logger.info(`Message '${envelope.messageId}' on '${entityPath}' expired before delivery; dropped.`);
      await queue.deleteMessage(item.messageId, item.popReceipt);
      return;
    }
    if (envelope.deliveryCount >= properties.maxDeliveryCount) {
      await this.#deadLetter(queue, item.messageId, item.popReceipt, envelope);
      return;
    }
    const delivered: MessageEnvelope = { ...envelope, deliveryCount: envelope.deliveryCount + 1 };
    const lockMs = lockSeconds(properties.lockDurationMs) * 1000;
    let lockedUntil = Date.now() + lockMs;
    let popReceipt = (
      await queue.updateMessage(
        item.messageId,
        item.popReceipt,
        serializeEnvelope(delivered),
        lockSeconds(properties.lockDurationMs),
      )
    ).popReceipt as string;
    if (await isDuplicateDelivery(this.#context, delivered)) {
      await queue.deleteMessage(item.messageId, popReceipt);
      return;
    }
    const renewal = new LockRenewal(
      async () => {
        const renewedAt = Date.now();
        const renewed = await queue.updateMessage(
          item.messageId,
          popReceipt,
          undefined,
          lockSeconds(properties.lockDurationMs),
        );
        popReceipt = renewed.popReceipt as string;
        lockedUntil = renewedAt + lockMs;
      },
      properties.lockDurationMs,
      this.#context.maxRenewalMs,
      (error) =>
        logger.warn(`Renewing the lock of '${delivered.messageId}' failed.`, { error: describeError(error) }),
    );
    let failure: unknown;
    let failed = false;
    try {
      await this.#deliver([delivered]);
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      await renewal.stop();
    }
    if (this.#expiredLockIsLost && Date.now() >= lockedUntil) {
      logger.error(
        `${failed ? 'Abandoning' : 'Completing'} message '${delivered.messageId}' on '${entityPath}' failed: its lock was lost (MessageLockLost); it will be redelivered.`,
        { event: 'messageLockLost', messageId: delivered.messageId, deliveryCount: delivered.deliveryCount },
      );
      return;
    }
    try {
      if (!failed) {
        await queue.deleteMessage(item.messageId, popReceipt);
      } else {
        const abandoned: MessageEnvelope = { ...delivered, lastError: errorDescription(failure) };
        logger.warn(`Delivery of message '${delivered.messageId}' on '${entityPath}' failed; abandoned.`, {
          event: 'abandoned',
          deliveryCount: delivered.deliveryCount,
          error: abandoned.lastError,
        });
        if (abandoned.deliveryCount >= properties.maxDeliveryCount) {
          await this.#deadLetter(queue, item.messageId, popReceipt, abandoned);
        } else {
          await queue.updateMessage(item.messageId, popReceipt, serializeEnvelope(abandoned), 0);
        }
      }
    } catch (error) {
      // 400/404: the pop receipt is stale, i.e. the lock expired and someone else has the message now.
      if (storageStatus(error) === 404 || storageStatus(error) === 400) {
        logger.warn(
          `The lock on message '${delivered.messageId}' was lost before it could be settled; it will be redelivered.`,
        );
        return;
      }
      throw error;
    }
  }

  async #deadLetter(
    queue: QueueClient,
    messageId: string,
    popReceipt: string,
    envelope: MessageEnvelope,
  ): Promise<void> {
    const { entityPath, properties, logger } = this.#context;
    await sendToDeadLetter(
      this.#context.storage,
      entityPath,
      envelope,
      maxDeliveryCountExceeded,
      envelope.lastError,
    );
    await queue.deleteMessage(messageId, popReceipt);
    logger.warn(
      `Message '${envelope.messageId}' on '${entityPath}' was dead-lettered after ${envelope.deliveryCount} deliveries (maxDeliveryCount ${properties.maxDeliveryCount}).`,
      { event: 'deadLettered', messageId: envelope.messageId, lastError: envelope.lastError },
    );
  }
}

function rawEnvelope(item: ReceivedItem): MessageEnvelope {
  return {
    v: 1,
    envelopeId: item.messageId,
    messageId: item.messageId,
    body: item.messageText,
    bodyEncoding: 'json',
    enqueuedTimeUtc: new Date().toISOString(),
    sequenceNumber: 0,
    deliveryCount: 0,
  };
}
