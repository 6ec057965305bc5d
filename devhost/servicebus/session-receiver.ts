/**
 * Receives a session-enabled entity: one message at a time per session across every worker process, FIFO
 * within a session, sessions in parallel (up to maxConcurrentSessions per worker).
 *
 * Messages live in a table partition per session (see shared/adapters/local-service-bus/session-store.ts);
 * the entity's Azurite queue carries wake-up tokens. A receiver takes a token, takes the session lock, and
 * drains the session head first: each message is delivered until it completes or is dead-lettered, then the
 * next. Before releasing, the holder lets go of the lock and looks again, because a sender that saw the lock
 * held did not leave a token; whatever is there is then drained by it or by whoever took the lock meanwhile.
 * The token stays invisible (renewed with the lock) while the session is held, so if the worker dies, the
 * token reappears when the lock expires and another receiver redelivers the head message.
 *
 * In the Azure-like mode (`expiredLockIsLost`, with renewal bounded by `maxLockRenewalMs`, host.json
 * `maxAutoLockRenewalDuration`, as the Service Bus extension renews session locks), a handler that outlives
 * its lock has lost the session even if nobody took it over yet: its completion fails (logged as
 * `sessionLockLost`, the message is not settled by it) and the message is redelivered by whoever takes the
 * session next, with its delivery count one higher. Locally the lock is renewed for as long as the handler runs.
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
} from '../../shared/adapters/local-service-bus/message-envelope';
import { onSend } from '../../shared/adapters/local-service-bus/send-notices';
import {
  SessionStore,
  sessionTokenSchema,
  StoredSessionMessage,
} from '../../shared/adapters/local-service-bus/session-store';
import {
  isConcurrencyConflict,
  storageStatus,
} from '../../shared/adapters/local-service-bus/storage-clients';
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
import { HeldSessionLock, SessionLocks } from './session-lock';

export interface SessionReceiverOptions {
  maxConcurrentSessions: number;
  /** How many head messages one delivery takes (1 for functions; more for entity batches). */
  batchSize: number;
  maxPollingIntervalMs: number;
  /** How long the lock is renewed while one delivery runs (unbounded by default). */
  maxLockRenewalMs?: number;
  /** Azure-like mode: a lock past its expiry is lost, whether or not another receiver took it yet. */
  expiredLockIsLost?: boolean;
}

interface Token {
  messageId: string;
  popReceipt: string;
  messageText: string;
}

export class SessionReceiver {
  readonly #context: ReceiverContext;
  readonly #deliver: DeliverMessages;
  readonly #options: SessionReceiverOptions;
  readonly #store: SessionStore;
  readonly #locks: SessionLocks;
  readonly #loop: ReceiveLoop<Token>;
  #stopNotices: () => void = () => undefined;

  constructor(
    context: ReceiverContext,
    deliver: DeliverMessages,
    locks: SessionLocks,
    options: SessionReceiverOptions,
  ) {
    this.#context = context;
    this.#deliver = deliver;
    this.#options = options;
    this.#store = new SessionStore(context.storage);
    this.#locks = locks;
    this.#loop = new ReceiveLoop({
      room: (active) => options.maxConcurrentSessions - active,
      backoff: new PollingBackoff(50, options.maxPollingIntervalMs),
      logger: context.logger,
      receiveFailedMessage: `Receiving session tokens of '${context.entityPath}' failed; retrying.`,
      handleFailedMessage: `Handling a session of '${context.entityPath}' failed.`,
    });
  }

  async start(): Promise<void> {
    const queue = await this.#context.storage.queue(activeQueueName(this.#context.entityPath));
    await this.#store.messages();
    this.#loop.start({
      receive: (room) => receiveLocked(queue, this.#context.properties.lockDurationMs, room),
      handle: (token) => this.#handleToken(queue, token),
    });
    this.#stopNotices = onSend(this.#context.entityPath, () => this.#loop.nudge());
  }

  async stop(): Promise<void> {
    this.#stopNotices();
    await this.#loop.stop();
  }

  async #handleToken(queue: QueueClient, token: Token): Promise<void> {
    const { entityPath, properties, logger } = this.#context;
    const parsed = sessionTokenSchema.safeParse(tryParseJson(token.messageText));
    if (!parsed.success) {
      logger.error(`A message on '${entityPath}' is not a session token; deleting it.`, {
        text: token.messageText,
      });
      await queue.deleteMessage(token.messageId, token.popReceipt);
      return;
    }
    const { sessionId } = parsed.data;
    let popReceipt = token.popReceipt;
    let lock = await this.#locks.tryAcquire(entityPath, sessionId, properties.lockDurationMs);
    if (!lock) {
      // A live holder drains everything; if it dies, its own token brings the session back: that token stays
      // hidden until the holder's lock expires (see hideToken), so a token seen while the lock holds is a spare.
      await queue.deleteMessage(token.messageId, popReceipt);
      return;
    }
    let keepToken = false;
    while (lock) {
      const held: HeldSessionLock = lock;
      // The token was hidden for one lock duration when it was received, which was before the lock was
      // taken: left alone, it would reappear while the lock is still valid, and a receiver finding it then
      // deletes it as a duplicate. If this worker then died before its first renewal, nothing would bring the
      // session back. Hiding it again now (after taking the lock) keeps the token hidden until the lock expires.
      popReceipt = await hideToken(queue, token.messageId, popReceipt, properties.lockDurationMs);
      const renewal = new LockRenewal(
        async () => {
          await held.renew();
          popReceipt = await hideToken(queue, token.messageId, popReceipt, properties.lockDurationMs);
        },
        properties.lockDurationMs,
        this.#options.maxLockRenewalMs ?? Number.POSITIVE_INFINITY,
        (error) =>
          logger.warn(`Renewing the lock of session '${sessionId}' on '${entityPath}' failed.`, {
            error: describeError(error),
          }),
      );
      try {
        await this.#drain(held);
      } finally {
        await renewal.stop();
      }
      // Lost: the token (not renewed any more) brings the session back to whoever takes it next.
      if (this.#isLost(held)) return;
      if (this.#loop.stopped) {
        keepToken = true;
        await held.release();
        break;
      }
      await held.release();
      const [head] = await this.#store.head(entityPath, sessionId, 1);
      if (!head) break;
      const activation = activationTime(head.envelope);
      if (activation > Date.now()) {
        const delaySeconds = Math.ceil((activation - Date.now()) / 1000);
        await queue.sendMessage(JSON.stringify({ sessionId }), {
          visibilityTimeout: delaySeconds,
          messageTimeToLive: -1,
        });
        break;
      }
      lock = await this.#locks.tryAcquire(entityPath, sessionId, properties.lockDurationMs);
    }
    try {
      if (keepToken) await queue.updateMessage(token.messageId, popReceipt, undefined, 0);
      else await queue.deleteMessage(token.messageId, popReceipt);
    } catch (error) {
      if (storageStatus(error) !== 404 && storageStatus(error) !== 400) throw error;
    }
  }

  /** Delivers the session's ready messages in order until none is left, the lock is lost, or we stop. */
  async #drain(lock: HeldSessionLock): Promise<void> {
    const { entityPath, properties, logger } = this.#context;
    while (!this.#isLost(lock) && !this.#loop.stopped) {
      const now = Date.now();
      const head = await this.#store.head(entityPath, lock.sessionId, this.#options.batchSize);
      const readyCount = head.findIndex((message) => activationTime(message.envelope) > now);
      const ready = readyCount === -1 ? head : head.slice(0, readyCount);
      if (ready.length === 0) return;
      const deliverable: StoredSessionMessage[] = [];
      for (const message of ready) {
        const prepared = await this.#prepare(message);
        if (prepared === 'lockLost') return;
        if (prepared) deliverable.push(prepared);
      }
      if (deliverable.length === 0) continue;
      let failure: unknown;
      let failed = false;
      try {
        await this.#deliver(deliverable.map((message) => message.envelope));
      } catch (error) {
        failed = true;
        failure = error;
      }
      if (this.#isLost(lock)) {
        if (this.#options.expiredLockIsLost === true) {
          // What the Service Bus extension reports when settling meets a lost session lock.
          logger.error(
            `${failed ? 'Abandoning' : 'Completing'} ${deliverable.length} message(s) of session '${lock.sessionId}' on '${entityPath}' failed: the session lock was lost (SessionLockLost); they will be redelivered.`,
            {
              event: 'sessionLockLost',
              messageIds: deliverable.map((message) => message.envelope.messageId),
              deliveryCount: deliverable[0]?.envelope.deliveryCount,
            },
          );
          return;
        }
        logger.warn(
          `The lock of session '${lock.sessionId}' on '${entityPath}' was lost; its messages will be redelivered.`,
        );
        return;
      }
      if (failed) {
        logger.warn(
          `Delivery of ${deliverable.length} message(s) of session '${lock.sessionId}' on '${entityPath}' failed; abandoned.`,
          {
            event: 'abandoned',
            deliveryCount: deliverable[0]?.envelope.deliveryCount,
            error: errorDescription(failure),
          },
        );
      }
      for (const message of deliverable) {
        if (!failed) {
          await this.#settle(() => this.#store.remove(message));
          continue;
        }
        const abandoned: MessageEnvelope = { ...message.envelope, lastError: errorDescription(failure) };
        if (abandoned.deliveryCount >= properties.maxDeliveryCount) {
          await this.#deadLetter(message, abandoned);
        } else {
          await this.#settle(() => this.#store.update(message, abandoned));
        }
      }
    }
  }

  #isLost(lock: HeldSessionLock): boolean {
    return lock.lost || (this.#options.expiredLockIsLost === true && Date.now() >= lock.expiresAt);
  }

  /** Counts the delivery (before running anything) and filters expired, exhausted and duplicate messages. */
  async #prepare(message: StoredSessionMessage): Promise<StoredSessionMessage | undefined | 'lockLost'> {
    const { entityPath, properties, logger } = this.#context;
    const { envelope } = message;
    if (isExpired(envelope, Date.now())) {
      logger.info(`Message '${envelope.messageId}' on '${entityPath}' expired before delivery; dropped.`);
      await this.#settle(() => this.#store.remove(message));
      return undefined;
    }
    if (envelope.deliveryCount >= properties.maxDeliveryCount) {
      await this.#deadLetter(message, envelope);
      return undefined;
    }
    let delivered: StoredSessionMessage;
    try {
      delivered = await this.#store.update(message, {
        ...envelope,
        deliveryCount: envelope.deliveryCount + 1,
      });
    } catch (error) {
      if (isConcurrencyConflict(error)) return 'lockLost';
      throw error;
    }
    if (await isDuplicateDelivery(this.#context, delivered.envelope)) {
      await this.#settle(() => this.#store.remove(delivered));
      return undefined;
    }
    return delivered;
  }

  async #deadLetter(message: StoredSessionMessage, envelope: MessageEnvelope): Promise<void> {
    const { entityPath, properties, logger } = this.#context;
    await sendToDeadLetter(
      this.#context.storage,
      entityPath,
      envelope,
      maxDeliveryCountExceeded,
      envelope.lastError,
    );
    await this.#settle(() => this.#store.remove(message));
    logger.warn(
      `Message '${envelope.messageId}' of session '${envelope.sessionId ?? ''}' on '${entityPath}' was dead-lettered after ${envelope.deliveryCount} deliveries (maxDeliveryCount ${properties.maxDeliveryCount}).`,
      { event: 'deadLettered', messageId: envelope.messageId, lastError: envelope.lastError },
    );
  }

  /** A settle that loses an ETag race means another holder took over after our lock expired: theirs now. */
  async #settle(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
    }
  }
}

/** Hides a session token for one lock duration from now (after the lock was taken or renewed); the new pop receipt. */
async function hideToken(
  queue: QueueClient,
  messageId: string,
  popReceipt: string,
  lockDurationMs: number,
): Promise<string> {
  const updated = await queue.updateMessage(messageId, popReceipt, undefined, lockSeconds(lockDurationMs));
  return updated.popReceipt as string;
}
