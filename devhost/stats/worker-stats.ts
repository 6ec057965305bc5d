/**
 * A worker's side of the host's stats: it counts its own storage calls and invocations from start-up,
 * answers the primary's `statsQuery` with them, and asks the primary for the whole host's figures when it
 * serves `GET /admin/host/stats` (a worker alone, without a primary, answers for itself).
 */
import { randomUUID } from 'node:crypto';

import type { PrimaryMessage, WorkerMessage } from '../primary/ipc-messages';
import { type HostStats, type ProcessStats, summariseHostStats } from './host-stats';
import { countInvocations } from './invocation-counters';
import { processMemory } from './process-memory';
import { countStorageCalls } from './storage-counters';

const replyTimeoutMs = 10_000;

export class WorkerStats {
  readonly #workerIndex: number;
  readonly #storage: ReturnType<typeof countStorageCalls>;
  readonly #invocations: ReturnType<typeof countInvocations>;
  readonly #send: ((message: WorkerMessage) => boolean) | undefined;
  readonly #pending = new Map<string, (stats: HostStats) => void>();

  /** Starts counting at once: create it before the app loads, so its start-up calls count too. */
  constructor(
    storageConnectionString: string,
    workerIndex: number,
    send?: (message: WorkerMessage) => boolean,
  ) {
    this.#workerIndex = workerIndex;
    this.#storage = countStorageCalls(storageConnectionString);
    this.#invocations = countInvocations();
    this.#send = send;
  }

  /** This worker's figures. */
  own(): ProcessStats {
    return {
      role: 'worker',
      pid: process.pid,
      workerIndex: this.#workerIndex,
      ...(processMemory() ?? { rssBytes: process.memoryUsage.rss() }),
      storage: this.#storage(),
      invocations: this.#invocations(),
    };
  }

  /** The whole host's figures, through the primary. */
  readonly host = (): Promise<HostStats> => {
    const send = this.#send;
    if (!send) return Promise.resolve(summariseHostStats([this.own()], 1, 0, new Date()));
    const requestId = randomUUID();
    return new Promise<HostStats>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new Error(`The primary did not answer for the host's stats within ${replyTimeoutMs} ms.`));
      }, replyTimeoutMs);
      this.#pending.set(requestId, (stats) => {
        clearTimeout(timer);
        resolve(stats);
      });
      send({ type: 'statsRequest', requestId });
    });
  };

  /** Handles the primary's stats messages; false for any other message. */
  handle(message: PrimaryMessage): boolean {
    if (message.type === 'statsQuery') {
      this.#send?.({ type: 'stats', requestId: message.requestId, process: this.own() });
      return true;
    }
    if (message.type === 'statsReply') {
      const settle = this.#pending.get(message.requestId);
      this.#pending.delete(message.requestId);
      settle?.(message.stats);
      return true;
    }
    return false;
  }
}
