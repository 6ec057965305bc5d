/**
 * Keeps a lock alive while a handler runs: calls `renew` every half lock duration, for at most
 * `maxRenewalMs` (host.json `maxAutoLockRenewalDuration`), as the Service Bus extension's auto-renewal does.
 * `stop()` waits for a renewal in progress, so the caller can settle with the latest lock (pop receipt).
 */
export class LockRenewal {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(
    renew: () => Promise<void>,
    lockDurationMs: number,
    maxRenewalMs: number,
    onFailure: (error: unknown) => void,
  ) {
    const startedAt = Date.now();
    const interval = Math.max(250, Math.floor(lockDurationMs / 2));
    const tick = () => {
      if (this.#stopped || Date.now() - startedAt >= maxRenewalMs) return;
      this.#running = renew().then(
        () => {
          if (!this.#stopped) this.#timer = setTimeout(tick, interval);
        },
        (error: unknown) => onFailure(error),
      );
    };
    this.#timer = setTimeout(tick, interval);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
