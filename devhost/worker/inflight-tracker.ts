/** Counts running invocations so shutdown can wait for them (up to a grace period). */
export class InflightTracker {
  #running = new Set<Promise<unknown>>();

  get count(): number {
    return this.#running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
    return work;
  }

  /** Resolves true when nothing runs any more, false if the grace period ran out first. */
  async drain(graceMs: number): Promise<boolean> {
    const deadline = Date.now() + graceMs;
    while (this.#running.size > 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await Promise.race([Promise.all(this.#running), delay(Math.min(remaining, 250))]);
    }
    return true;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
