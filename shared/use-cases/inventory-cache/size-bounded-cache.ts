/**
 * A least-recently-used cache bounded by the total size of what it holds (each entry's size is given when
 * it is stored), with one computation per key in flight: callers asking for a key being computed wait for
 * that computation instead of starting their own. A value larger than the whole bound is handed back but
 * not kept. No clock and no I/O: what a key means, and when it goes stale, is the caller's business
 * (inventory-cache.ts puts the inventory version in every key).
 */
export interface Sized<T> {
  value: T;
  /** What keeping the value costs, in bytes (an estimate is enough: it only decides what to evict). */
  bytes: number;
}

export class SizeBoundedCache<T> {
  readonly #maxBytes: number;
  /** Insertion order is recency order: a hit moves its entry to the end, eviction takes from the front. */
  readonly #entries = new Map<string, Sized<T>>();
  readonly #inFlight = new Map<string, Promise<T>>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** The value of `key`: kept, being computed, or computed now by `compute`. */
  getOrCompute(key: string, compute: () => Promise<Sized<T>>): Promise<T> {
    const kept = this.#entries.get(key);
    if (kept) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return Promise.resolve(kept.value);
    }
    const running = this.#inFlight.get(key);
    if (running) return running;
    const computed = compute().then(
      (sized) => {
        this.#inFlight.delete(key);
        this.#keep(key, sized);
        return sized.value;
      },
      (error: unknown) => {
        // A failed computation is not remembered: the next caller tries again.
        this.#inFlight.delete(key);
        throw error;
      },
    );
    this.#inFlight.set(key, computed);
    return computed;
  }

  /** Bytes held now (for tests and diagnostics). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Keys held now, least recently used first (for tests and diagnostics). */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  #keep(key: string, sized: Sized<T>): void {
    if (sized.bytes > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, sized);
    this.#bytes += sized.bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }
}
