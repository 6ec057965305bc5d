/**
 * Schedules chat progress checks on the `chat-progress` storage queue: one message per check, invisible
 * for the delay (`visibilityTimeout`), base64-encoded JSON as the Functions queue trigger reads it. The
 * queue is created on first use.
 */
import type { QueueClient } from '@azure/storage-queue';

import type { ProgressTick } from '../../contracts/chat-progress';
import type { ProgressScheduler } from '../../ports/chat.port';

export class StorageQueueProgressScheduler implements ProgressScheduler {
  readonly #queue: QueueClient;
  #created: Promise<unknown> | undefined;

  constructor(queue: QueueClient) {
    this.#queue = queue;
  }

  async schedule(tick: ProgressTick, delaySeconds: number): Promise<void> {
    this.#created ??= this.#queue.createIfNotExists().catch((error: unknown) => {
      this.#created = undefined;
      throw error;
    });
    await this.#created;
    await this.#queue.sendMessage(Buffer.from(JSON.stringify(tick), 'utf8').toString('base64'), {
      visibilityTimeout: Math.max(0, Math.round(delaySeconds)),
    });
  }
}
