/**
 * Randomised exponential polling delays, as the queue listeners use: poll again at once after a hit; after a
 * miss wait, doubling (with jitter) up to a maximum. Waits end early when the loop is stopped.
 */
export class PollingBackoff {
  readonly #minMs: number;
  readonly #maxMs: number;
  #currentMs: number;

  constructor(minMs: number, maxMs: number) {
    this.#minMs = minMs;
    this.#maxMs = Math.max(minMs, maxMs);
    this.#currentMs = minMs;
  }

  reset(): void {
    this.#currentMs = this.#minMs;
  }

  /** The delay to wait after a miss; each miss grows the next one. */
  nextDelayMs(): number {
    const delay = Math.min(this.#maxMs, this.#currentMs * (0.8 + Math.random() * 0.4));
    this.#currentMs = Math.min(this.#maxMs, this.#currentMs * 2);
    return delay;
  }
}

/** A sleep that `wake()` cuts short (used to stop polling loops promptly). */
export class Wakeable {
  #wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakers.add(done);
    });
  }

  wake(): void {
    for (const waker of [...this.#wakers]) waker();
  }
}
