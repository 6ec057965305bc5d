/**
 * The worker processes (node:cluster, sharing the HTTP port; the primary hands out connections round-robin).
 * The pool starts them, waits until each reports its triggers running, replaces one that dies while the host
 * runs (as the Functions host restarts a crashed language worker), and stops them in order on shutdown.
 */
import cluster, { Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';

import { Logger } from '../logging/logger';
import { type HostStats, type ProcessStats, summariseHostStats } from '../stats/host-stats';
import { PrimaryMessage, workerMessageSchema } from './ipc-messages';

const respawnDelayMs = 500;
/** How long the host's stats wait for a busy worker's answer before leaving it out. */
const statsTimeoutMs = 3_000;

interface PendingStats {
  replies: ProcessStats[];
  waiting: Set<Worker>;
  done: () => void;
}

export class WorkerPool {
  readonly #size: number;
  readonly #env: NodeJS.ProcessEnv;
  readonly #logger: Logger;
  readonly #workers = new Set<Worker>();
  readonly #ownStats: () => ProcessStats[];
  readonly #pendingStats = new Map<string, PendingStats>();
  #serving = false;
  #stopping = false;
  #nextIndex = 0;

  /** `ownStats`: the figures of the processes the primary answers for (itself, Azurite). */
  constructor(
    size: number,
    env: NodeJS.ProcessEnv,
    logger: Logger,
    ownStats: () => ProcessStats[] = () => [],
  ) {
    this.#size = size;
    this.#env = env;
    this.#logger = logger;
    this.#ownStats = ownStats;
  }

  /** The whole host's figures: every worker's (those that answer within the timeout) and the primary's own. */
  async collectStats(timeoutMs = statsTimeoutMs): Promise<HostStats> {
    const workers = [...this.#workers].filter((worker) => worker.isConnected());
    const requestId = randomUUID();
    const pending: PendingStats = { replies: [], waiting: new Set(workers), done: () => undefined };
    const answered = new Promise<void>((resolve) => {
      pending.done = resolve;
    });
    this.#pendingStats.set(requestId, pending);
    for (const worker of workers) this.#send(worker, { type: 'statsQuery', requestId });
    let timer: NodeJS.Timeout | undefined;
    if (workers.length > 0)
      await Promise.race([answered, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    this.#pendingStats.delete(requestId);
    return summariseHostStats(
      [...this.#ownStats(), ...pending.replies],
      workers.length,
      pending.waiting.size,
      new Date(),
    );
  }

  /** Starts every worker; rejects if one fails before it is ready. */
  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.#size }, () => this.#fork()));
    this.#serving = true;
    for (const worker of this.#workers) this.#send(worker, { type: 'serving' });
  }

  /** Asks every worker to finish in-flight work and exit; kills those still running after the grace period. */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    const exits = [...this.#workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) {
            resolve();
            return;
          }
          worker.once('exit', () => resolve());
          this.#send(worker, { type: 'shutdown', graceMs });
          setTimeout(() => {
            if (!worker.isDead()) worker.process.kill('SIGKILL');
          }, graceMs + 5_000).unref();
        }),
    );
    await Promise.all(exits);
  }

  #fork(): Promise<void> {
    const index = this.#nextIndex++;
    const worker = cluster.fork({ ...this.#env, DEVHOST_WORKER_INDEX: String(index) });
    this.#workers.add(worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (raw: unknown) => {
        const parsed = workerMessageSchema.safeParse(raw);
        if (!parsed.success) return;
        const message = parsed.data;
        switch (message.type) {
          case 'ready':
            ready = true;
            if (this.#serving) this.#send(worker, { type: 'serving' });
            resolve();
            break;
          case 'failed':
            reject(new Error(`Worker ${index} failed to start: ${message.error}`));
            break;
          case 'statsRequest':
            void this.collectStats().then((stats) =>
              this.#send(worker, { type: 'statsReply', requestId: message.requestId, stats }),
            );
            break;
          case 'stats': {
            const pending = this.#pendingStats.get(message.requestId);
            if (!pending?.waiting.delete(worker)) break;
            pending.replies.push(message.process);
            if (pending.waiting.size === 0) pending.done();
            break;
          }
        }
      });
      worker.once('exit', (code, signal) => {
        this.#workers.delete(worker);
        if (!ready) {
          reject(
            new Error(
              `Worker ${index} exited during start-up (code ${String(code)}, signal ${String(signal)}).`,
            ),
          );
          return;
        }
        if (this.#stopping) return;
        this.#logger.warn(
          `Worker ${index} (pid ${worker.process.pid ?? '?'}) exited unexpectedly; starting a replacement.`,
          {
            event: 'workerExited',
            code,
            signal,
          },
        );
        setTimeout(() => {
          if (!this.#stopping) {
            this.#fork().catch((error: unknown) =>
              this.#logger.error(`A replacement worker failed: ${String(error)}`),
            );
          }
        }, respawnDelayMs);
      });
    });
  }

  #send(worker: Worker, message: PrimaryMessage): void {
    if (worker.isConnected()) worker.send(message);
  }
}
