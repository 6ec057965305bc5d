/**
 * Parsed table rows this process has read, each kept with the ETag it had. A row's ETag changes on every
 * write to it, so a kept value is reused only while a fresh listing still shows the same ETag: never stale,
 * whatever wrote the row (another worker, another process). Bounded by a number of rows, least recently
 * used out.
 *
 * Kept values are frozen and shared by every caller: whatever reads them must not change them (a change
 * throws instead of corrupting what other requests read).
 *
 * Hazard: Azure Tables gives every write its own ETag; Azurite derives it from the request's start time in
 * milliseconds, so two writes of one row in the same millisecond share it, and a value read between them
 * would be kept past the second until the row's next write. Callers that put a result together from several
 * rows take each value once (the entry of a row is replaced when a newer one is read).
 */
import { freezeDeep } from '../../domain/freeze-deep';

export class EtagRowCache<T> {
  readonly #maxRows: number;
  readonly #rows = new Map<string, { etag: string; value: T }>();

  constructor(maxRows: number) {
    this.#maxRows = maxRows;
  }

  /** The value kept for the row if it was read at this ETag. */
  get(partitionKey: string, rowKey: string, etag: string | undefined): T | undefined {
    if (etag === undefined) return undefined;
    const key = keyOf(partitionKey, rowKey);
    const kept = this.#rows.get(key);
    if (!kept || kept.etag !== etag) return undefined;
    // Most recently used last.
    this.#rows.delete(key);
    this.#rows.set(key, kept);
    return kept.value;
  }

  /** Keeps the row's value as read at `etag` (frozen); returns it. */
  set(partitionKey: string, rowKey: string, etag: string | undefined, value: T): T {
    freezeDeep(value);
    if (etag === undefined) return value;
    const key = keyOf(partitionKey, rowKey);
    this.#rows.delete(key);
    this.#rows.set(key, { etag, value });
    for (const oldest of this.#rows.keys()) {
      if (this.#rows.size <= this.#maxRows) break;
      this.#rows.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#rows.size;
  }
}

function keyOf(partitionKey: string, rowKey: string): string {
  return `${partitionKey}\u0000${rowKey}`;
}
