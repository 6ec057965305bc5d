/**
 * The polling loop every queue-backed trigger runs: take what there is room for, hand each item to a handler
 * in the background, back off while the queue is empty or unreachable, and stop promptly when asked.
 */
import { describeError, Logger } from '../logging/logger';
import { PollingBackoff, Wakeable } from './polling-backoff';

export interface ReceiveLoopOptions {
  /** How many items may be received now, given how many are being handled; 0 or less waits for one to end. */
  room: (active: number) => number;
  backoff: PollingBackoff;
  logger: Logger;
  /** Logged as a warning when a receive throws; the loop backs off and tries again. */
  receiveFailedMessage: string;
  /** Logged as an error when a handler rejects; the item is the handler's to settle, the loop goes on. */
  handleFailedMessage: string;
}

export interface ReceiveSource<T> {
  /** Takes up to `room` items off the queue (an empty list when there are none). */
  receive(room: number): Promise<T[]>;
  handle(item: T): Promise<void>;
}

export class ReceiveLoop<T> {
  readonly #options: ReceiveLoopOptions;
  readonly #wakeable = new Wakeable();
  /** A nudge came while a receive was under way: that receive may have missed what was sent. */
  #nudged = false;
  #active = 0;
  #stopped = false;
  #loop: Promise<void> | undefined;

  constructor(options: ReceiveLoopOptions) {
    this.#options = options;
  }

  /** True once `stop()` was called: handlers that loop on their own check it to let go early. */
  get stopped(): boolean {
    return this.#stopped;
  }

  start(source: ReceiveSource<T>): void {
    this.#loop = this.#run(source);
  }

  /** Polls now if the loop is waiting out its back-off (something was just sent to the queue). */
  nudge(): void {
    this.#nudged = true;
    this.#wakeable.wake();
  }

  /** Stops receiving; items being handled finish and are settled by their own handlers. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wakeable.wake();
    await this.#loop;
  }

  /**
   * The back-off between polls, unless the loop was stopped meanwhile: `stop()` wakes only a sleep already
   * begun, so one begun after it (a receive under way when it came) would hold the stop for the back-off.
   */
  #pause(ms: number): Promise<void> {
    return this.#stopped ? Promise.resolve() : this.#wakeable.sleep(ms);
  }

  async #run(source: ReceiveSource<T>): Promise<void> {
    const { room, backoff, logger } = this.#options;
    while (!this.#stopped) {
      const free = room(this.#active);
      if (free <= 0) {
        await this.#wakeable.sleep(1_000);
        continue;
      }
      let items: T[];
      this.#nudged = false;
      try {
        items = await source.receive(free);
      } catch (error) {
        logger.warn(this.#options.receiveFailedMessage, { error: describeError(error) });
        await this.#pause(backoff.nextDelayMs());
        continue;
      }
      if (items.length === 0) {
        // A send noticed while this receive was under way may not have been seen by it: poll again now
        // (wake() only cuts short a sleep already begun).
        if (!this.#nudged) await this.#pause(backoff.nextDelayMs());
        continue;
      }
      backoff.reset();
      for (const item of items) {
        this.#active++;
        void source
          .handle(item)
          .catch((error: unknown) =>
            logger.error(this.#options.handleFailedMessage, { error: describeError(error) }),
          )
          .finally(() => {
            this.#active--;
            this.#wakeable.wake();
          });
      }
    }
  }
}
