/**
 * The worker processes (node:cluster, sharing the HTTP port; the primary hands out connections round-robin).
 * The pool starts them, waits until each reports its triggers running, replaces one that dies while the host
 * runs (as the Functions host restarts a crashed language worker), and stops them in order on shutdown.
 */
import cluster, { Worker } from 'node:cluster';

import { Logger } from '../logging/logger';
import { PrimaryMessage, workerMessageSchema } from './ipc-messages';

const respawnDelayMs = 500;

export class WorkerPool {
  readonly #size: number;
  readonly #env: NodeJS.ProcessEnv;
  readonly #logger: Logger;
  readonly #workers = new Set<Worker>();
  #serving = false;
  #stopping = false;
  #nextIndex = 0;

  constructor(size: number, env: NodeJS.ProcessEnv, logger: Logger) {
    this.#size = size;
    this.#env = env;
    this.#logger = logger;
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
        if (parsed.data.type === 'ready') {
          ready = true;
          if (this.#serving) this.#send(worker, { type: 'serving' });
          resolve();
        } else {
          reject(new Error(`Worker ${index} failed to start: ${parsed.data.error}`));
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
