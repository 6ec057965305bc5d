/**
 * The operations the page follows, one per scope at most: it polls `GET /api/operations/{id}` (a cheap
 * read, with `progress` while the operation runs) every second, honouring the service's `Retry-After`, and
 * tells the views on every answer and at the end. The full scope status (large for a large scope; its
 * analysis runs again after each inventory change) is read by the scope view only when an operation ends or
 * the user opens a scope — never per tick.
 */
import type { ApiClient } from './api/client';
import type { OperationRecord } from './api/types';

export type OperationListener = (scopeKey: string, record: OperationRecord, ended: boolean) => void;

interface Followed {
  operationId: string;
  record?: OperationRecord;
  timer?: number;
}

const intervalMs = 1000;
const retryMs = 3000;

export class OperationTracker {
  readonly #api: ApiClient;
  readonly #followed = new Map<string, Followed>();
  readonly #listeners = new Set<OperationListener>();
  /** Operations seen ending: a status read a moment stale may still name one as running; it is not followed again. */
  readonly #ended = new Set<string>();

  constructor(api: ApiClient) {
    this.#api = api;
  }

  onChange(listener: OperationListener): void {
    this.#listeners.add(listener);
  }

  /** The operation followed on a scope, with its last known record. */
  current(scopeKey: string): { operationId: string; record?: OperationRecord } | undefined {
    return this.#followed.get(scopeKey);
  }

  hasEnded(operationId: string): boolean {
    return this.#ended.has(operationId);
  }

  follow(scopeKey: string, operationId: string): void {
    if (this.#ended.has(operationId)) return;
    const existing = this.#followed.get(scopeKey);
    if (existing?.operationId === operationId) return;
    if (existing?.timer !== undefined) window.clearTimeout(existing.timer);
    const followed: Followed = { operationId };
    this.#followed.set(scopeKey, followed);
    void this.#poll(scopeKey, followed);
  }

  /** Stops following everything (another subscription). */
  clear(): void {
    for (const followed of this.#followed.values())
      if (followed.timer !== undefined) window.clearTimeout(followed.timer);
    this.#followed.clear();
  }

  async #poll(scopeKey: string, followed: Followed): Promise<void> {
    if (this.#followed.get(scopeKey) !== followed) return;
    let delay = intervalMs;
    try {
      const record = await this.#api.json<OperationRecord>(
        'GET',
        `/api/operations/${encodeURIComponent(followed.operationId)}`,
      );
      if (this.#followed.get(scopeKey) !== followed) return;
      followed.record = record;
      const ended = record.status === 'Succeeded' || record.status === 'Failed';
      if (ended) {
        this.#followed.delete(scopeKey);
        this.#ended.add(followed.operationId);
        if (this.#ended.size > 500) this.#ended.delete(this.#ended.values().next().value ?? '');
      }
      for (const listener of this.#listeners) listener(scopeKey, record, ended);
      if (ended) return;
    } catch {
      // A network blip or a transient 503: keep following, a little slower.
      delay = retryMs;
    }
    followed.timer = window.setTimeout(() => void this.#poll(scopeKey, followed), delay);
  }
}
