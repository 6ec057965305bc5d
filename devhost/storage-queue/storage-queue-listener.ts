/**
 * One storage-queue-triggered function, as the queues extension runs it:
 * - fetch `batchSize` messages (invisible for 10 minutes, renewed while the handler runs), fetch again when
 *   the number in flight falls to `newBatchThreshold`;
 * - decode base64 (host.json `messageEncoding`, default base64);
 * - success deletes; failure makes the message visible again after `visibilityTimeout` (default 0) until it
 *   has been dequeued `maxDequeueCount` times (default 5), then moves it to `<queue>-poison`;
 * - poll with randomised exponential backoff up to 2 s while the queue is empty.
 */
import { QueueClient } from '@azure/storage-queue';

import { storageStatus } from '../../shared/adapters/local-service-bus/storage-clients';
import { intData, stringData } from '../bindings/typed-data';
import { HostSettings } from '../config/host-json';
import { RpcTypedDataLike } from '../core-shim';
import { describeError, Logger } from '../logging/logger';
import { LockRenewal } from '../servicebus/lock-renewal';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { PollingBackoff } from '../worker/polling-backoff';
import { ReceiveLoop } from '../worker/receive-loop';

/** The queues extension hides fetched messages for 10 minutes and renews that while the function runs. */
const fetchVisibilityMs = 10 * 60_000;

interface ReceivedQueueMessage {
  messageId: string;
  popReceipt: string;
  messageText: string;
  dequeueCount: number;
  insertedOn: Date;
  expiresOn: Date;
  nextVisibleOn: Date;
}

export class StorageQueueListener {
  readonly #fn: HostedFunction;
  readonly #queue: QueueClient;
  readonly #poisonQueue: () => Promise<QueueClient>;
  readonly #settings: HostSettings['queues'];
  readonly #invoker: FunctionInvoker;
  readonly #logger: Logger;
  readonly #loop: ReceiveLoop<ReceivedQueueMessage>;

  constructor(
    fn: HostedFunction,
    queue: QueueClient,
    poisonQueue: () => Promise<QueueClient>,
    settings: HostSettings['queues'],
    invoker: FunctionInvoker,
    logger: Logger,
  ) {
    this.#fn = fn;
    this.#queue = queue;
    this.#poisonQueue = poisonQueue;
    this.#settings = settings;
    this.#invoker = invoker;
    this.#logger = logger;
    this.#loop = new ReceiveLoop({
      // The next batch is fetched once no more than newBatchThreshold messages are in flight.
      room: (active) => (active > settings.newBatchThreshold ? 0 : settings.batchSize),
      backoff: new PollingBackoff(100, settings.maxPollingIntervalMs),
      logger,
      receiveFailedMessage: `Receiving from queue '${queue.name}' failed; retrying.`,
      handleFailedMessage: `Settling a message of queue '${queue.name}' failed.`,
    });
  }

  start(): void {
    this.#loop.start({
      receive: async (room) => {
        const received = await this.#queue.receiveMessages({
          numberOfMessages: room,
          visibilityTimeout: fetchVisibilityMs / 1000,
        });
        return received.receivedMessageItems;
      },
      handle: (item) => this.#handle(item),
    });
  }

  async stop(): Promise<void> {
    await this.#loop.stop();
  }

  async #handle(item: ReceivedQueueMessage): Promise<void> {
    const { maxDequeueCount } = this.#settings;
    if (item.dequeueCount > maxDequeueCount) {
      // Seen after a crash during the last allowed attempt: it already had all its tries.
      await this.#moveToPoison(item, item.popReceipt);
      return;
    }
    let popReceipt = item.popReceipt;
    const renewal = new LockRenewal(
      async () => {
        const renewed = await this.#queue.updateMessage(
          item.messageId,
          popReceipt,
          undefined,
          fetchVisibilityMs / 1000,
        );
        popReceipt = renewed.popReceipt as string;
      },
      fetchVisibilityMs,
      Number.POSITIVE_INFINITY,
      (error) =>
        this.#logger.warn(`Renewing the visibility of queue message '${item.messageId}' failed.`, {
          error: describeError(error),
        }),
    );
    let failed = false;
    try {
      const text = decodeMessage(item.messageText, this.#settings.messageEncoding);
      await this.#invoker.invoke(this.#fn, {
        triggerData: stringData(text),
        triggerMetadata: queueTriggerMetadata(item, text),
        reason: `New queue message detected on '${this.#queue.name}'.`,
      });
    } catch (error) {
      failed = true;
      if (error instanceof MessageDecodingError) {
        this.#logger.error(error.message, { functionName: this.#fn.name });
      }
    } finally {
      await renewal.stop();
    }
    try {
      if (!failed) await this.#queue.deleteMessage(item.messageId, popReceipt);
      else if (item.dequeueCount >= maxDequeueCount) await this.#moveToPoison(item, popReceipt);
      else
        await this.#queue.updateMessage(
          item.messageId,
          popReceipt,
          undefined,
          Math.round(this.#settings.visibilityTimeoutMs / 1000),
        );
    } catch (error) {
      if (storageStatus(error) === 404 || storageStatus(error) === 400) {
        this.#logger.warn(`Queue message '${item.messageId}' changed hands before it was settled.`);
        return;
      }
      throw error;
    }
  }

  async #moveToPoison(item: ReceivedQueueMessage, popReceipt: string): Promise<void> {
    const poison = await this.#poisonQueue();
    await poison.sendMessage(item.messageText);
    await this.#queue.deleteMessage(item.messageId, popReceipt);
    this.#logger.warn(
      `Message '${item.messageId}' has reached MaxDequeueCount of ${this.#settings.maxDequeueCount}. Moving message to queue '${poison.name}'.`,
      { event: 'poisoned', functionName: this.#fn.name },
    );
  }
}

class MessageDecodingError extends Error {}

function decodeMessage(text: string, encoding: 'base64' | 'none'): string {
  if (encoding === 'none') return text;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new MessageDecodingError(
      'The queue message is not valid base64 (host.json extensions.queues.messageEncoding is base64): encode messages or set messageEncoding to none.',
    );
  }
  return Buffer.from(text, 'base64').toString('utf8');
}

function queueTriggerMetadata(item: ReceivedQueueMessage, text: string): Record<string, RpcTypedDataLike> {
  return {
    QueueTrigger: stringData(text),
    DequeueCount: intData(item.dequeueCount),
    Id: stringData(item.messageId),
    PopReceipt: stringData(item.popReceipt),
    InsertionTime: stringData(item.insertedOn.toISOString()),
    ExpirationTime: stringData(item.expiresOn.toISOString()),
    NextVisibleTime: stringData(item.nextVisibleOn.toISOString()),
  };
}
