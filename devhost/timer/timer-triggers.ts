/**
 * Runs `app.timer` functions on their schedule, on one worker process at a time (lease), with the schedule
 * status kept in a table row (Azure's `useMonitor`): a due occurrence is claimed under the row's ETag before
 * it runs, so an occurrence runs once even when the lease changes hands. Occurrences missed while nothing ran
 * are caught up once, with `isPastDue: true`; `runOnStartup` runs once when the lease holder starts.
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';

import {
  isConcurrencyConflict,
  storageStatus,
} from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey } from '../../shared/adapters/local-service-bus/storage-names';
import { resolveAppSettingReferences } from '../bindings/app-settings';
import { jsonData } from '../bindings/typed-data';
import { describeError, Logger } from '../logging/logger';
import { LockRenewal } from '../servicebus/lock-renewal';
import { bindingBoolean, bindingString, HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { Wakeable } from '../worker/polling-backoff';
import { CronSchedule } from './ncrontab';
import { leaseDurationMs, TimerLease } from './timer-lease';
import { parseTimerSchedule } from './timer-schedule';

/** Later than this after its due time, an occurrence is reported as past due. */
const pastDueToleranceMs = 2_000;

const statusRowSchema = z.object({
  etag: z.string(),
  last: z.string(),
  next: z.string(),
  lastUpdated: z.string(),
});

export interface TimerStatus {
  last: string;
  next: string;
  lastUpdated: string;
}

/** The timer input as the host sends it (the library camel-cases it). */
export function timerTriggerData(isPastDue: boolean, status: TimerStatus) {
  return jsonData({
    Schedule: { AdjustForDST: true },
    ScheduleStatus: { Last: status.last, Next: status.next, LastUpdated: status.lastUpdated },
    IsPastDue: isPastDue,
  });
}

class TimerRunner {
  readonly #fn: HostedFunction;
  readonly #schedule: CronSchedule;
  readonly #table: TableClient;
  readonly #lease: TimerLease;
  readonly #invoker: FunctionInvoker;
  readonly #logger: Logger;
  readonly #wakeable = new Wakeable();
  readonly #runOnStartup: boolean;
  readonly #useMonitor: boolean;
  #stopped = false;
  #loop: Promise<void> | undefined;
  #ranStartup = false;

  constructor(
    fn: HostedFunction,
    table: TableClient,
    owner: string,
    invoker: FunctionInvoker,
    logger: Logger,
  ) {
    this.#fn = fn;
    this.#schedule = parseTimerSchedule(
      resolveAppSettingReferences(bindingString(fn.trigger, 'schedule') ?? ''),
    );
    this.#table = table;
    this.#lease = new TimerLease(table, fn.name, owner);
    this.#invoker = invoker;
    this.#logger = logger;
    this.#runOnStartup = bindingBoolean(fn.trigger, 'runOnStartup') ?? false;
    this.#useMonitor = bindingBoolean(fn.trigger, 'useMonitor') ?? true;
  }

  start(): void {
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wakeable.wake();
    await this.#loop;
    await this.#lease.release().catch(() => undefined);
  }

  async #run(): Promise<void> {
    let holding = false;
    while (!this.#stopped) {
      try {
        const held = await this.#lease.tryHold();
        if (held && !holding) this.#logger.debug(`Acquired the timer lease of '${this.#fn.name}'.`);
        holding = held;
        if (!held) {
          await this.#wakeable.sleep(leaseDurationMs / 3);
          continue;
        }
        if (this.#runOnStartup && !this.#ranStartup) {
          this.#ranStartup = true;
          await this.#invokeSafely(false, await this.#status());
        }
        const waitMs = await this.#runIfDue();
        await this.#wakeable.sleep(Math.max(50, Math.min(waitMs, leaseDurationMs / 3)));
      } catch (error) {
        this.#logger.warn(`The timer loop of '${this.#fn.name}' failed; retrying.`, {
          error: describeError(error),
        });
        await this.#wakeable.sleep(1_000);
      }
    }
  }

  /** Runs the due occurrence if there is one; returns how long until the next. */
  async #runIfDue(): Promise<number> {
    const row = await this.#readStatus();
    const now = Date.now();
    if (!row) {
      await this.#writeStatus(undefined, {
        last: '',
        next: this.#nextAfter(now),
        lastUpdated: new Date(now).toISOString(),
      });
      return 0;
    }
    const due = Date.parse(row.next);
    if (due > now) return due - now;
    const pastDue = now - due > pastDueToleranceMs;
    const claimed: TimerStatus = {
      last: row.next,
      next: this.#nextAfter(now),
      lastUpdated: new Date(now).toISOString(),
    };
    if (!(await this.#writeStatus(row.etag, claimed))) return 0;
    if (pastDue && !this.#useMonitor) return 0;
    await this.#invokeSafely(pastDue, claimed);
    return Date.parse(claimed.next) - Date.now();
  }

  async #invokeSafely(isPastDue: boolean, status: TimerStatus): Promise<void> {
    // Keep the lease while a long run goes on, so no other worker starts an overlapping run.
    const renewal = new LockRenewal(
      async () => {
        await this.#lease.tryHold();
      },
      leaseDurationMs,
      Number.POSITIVE_INFINITY,
      () => undefined,
    );
    try {
      await runTimerFunction(this.#invoker, this.#fn, isPastDue, status);
    } catch {
      // Logged by the invoker; a timer has no retries beyond a function-level retry policy.
    } finally {
      await renewal.stop();
    }
  }

  #nextAfter(now: number): string {
    return (this.#schedule.next(new Date(now)) ?? new Date(8.64e15)).toISOString();
  }

  async #status(): Promise<TimerStatus> {
    const row = await this.#readStatus();
    return row ?? { last: '', next: this.#nextAfter(Date.now()), lastUpdated: new Date().toISOString() };
  }

  async #readStatus(): Promise<z.infer<typeof statusRowSchema> | undefined> {
    try {
      return statusRowSchema.parse(await this.#table.getEntity('status', encodeKey(this.#fn.name)));
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }

  /** Writes the status under its ETag (or creates it); false if another runner got there first. */
  async #writeStatus(etag: string | undefined, status: TimerStatus): Promise<boolean> {
    const entity = { partitionKey: 'status', rowKey: encodeKey(this.#fn.name), ...status };
    try {
      if (etag === undefined) await this.#table.createEntity(entity);
      else await this.#table.updateEntity(entity, 'Replace', { etag });
      return true;
    } catch (error) {
      if (isConcurrencyConflict(error)) return false;
      throw error;
    }
  }
}

export function runTimerFunction(
  invoker: FunctionInvoker,
  fn: HostedFunction,
  isPastDue: boolean,
  status: TimerStatus,
): Promise<unknown> {
  return invoker.invoke(fn, {
    triggerData: timerTriggerData(isPastDue, status),
    reason: `Timer fired at ${new Date().toISOString()}`,
  });
}

export class TimerTriggers {
  readonly #runners: TimerRunner[];

  constructor(
    functions: HostedFunction[],
    table: TableClient,
    owner: string,
    invoker: FunctionInvoker,
    logger: Logger,
  ) {
    this.#runners = functions.map(
      (fn) => new TimerRunner(fn, table, owner, invoker, logger.child({ functionName: fn.name })),
    );
  }

  start(): void {
    for (const runner of this.#runners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.#runners.map((runner) => runner.stop()));
  }
}
