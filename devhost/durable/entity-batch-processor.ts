/**
 * Applies a batch of signals to one entity by running the registered entity function — which IS the
 * durable-functions runner (`df.app.entity` registers `createEntityFunction(handler)`) — with the trigger input
 * the runner expects, `{ self, exists, state, batch: [{ name, input, id }] }`, and storing what it returns,
 * `{ entityExists, entityState, results, signals }`.
 *
 * Like the JS runner, an operation that throws does not stop the batch and does not roll back a setState made
 * before the throw; its error is only logged (signals have no caller to return it to). The batch is applied
 * once: the state write carries the ids of the applied signals and is guarded by the row's ETag.
 *
 * In the Azure-like mode two more things happen here: the signals an entity emits are delayed but keep their
 * order per target (each is delivered after the previous one this entity sent there, as the engine's
 * MessageSorter guarantees), and the new state becomes readable only after a random lag, the state it
 * replaces being kept for readers meanwhile (entity-versions.ts).
 */
import { z } from 'zod';

import { noticeEntityChange } from '../../shared/adapters/durable/entity-change-notices';
import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { jsonData } from '../bindings/typed-data';
import { Logger } from '../logging/logger';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { canonicalEntity, EntityRef, schedulerId } from './entity-id';
import { EntitySignalSender } from './entity-signals';
import { EntityRecord, EntityStore, PendingSignal, pendingSignalSchema } from './entity-store';
import { EntityVersions } from './entity-versions';

const runnerOutputSchema = z.object({
  entityExists: z.boolean(),
  entityState: z.string().optional().nullable(),
  results: z.array(
    z.object({
      isError: z.boolean(),
      duration: z.number().optional(),
      result: z.string().optional().nullable(),
    }),
  ),
  signals: z.array(
    z.object({
      target: z.object({ name: z.string(), key: z.string() }),
      name: z.string(),
      input: z.string().optional().nullable(),
      requestId: z.string().optional().nullable(),
    }),
  ),
});

type RunnerSignal = z.infer<typeof runnerOutputSchema>['signals'][number];

/** Azure-like mode: how long a new state stays unreadable, and where the replaced one is kept. */
export interface StateVisibility {
  lagMs(): number;
  versions: EntityVersions;
}

export class EntityBatchProcessor {
  readonly #entityFunctions: Map<string, HostedFunction>;
  readonly #store: EntityStore;
  readonly #signals: EntitySignalSender;
  readonly #invoker: FunctionInvoker;
  readonly #logger: Logger;
  readonly #visibility: StateVisibility | undefined;

  constructor(
    entityFunctions: HostedFunction[],
    store: EntityStore,
    signals: EntitySignalSender,
    invoker: FunctionInvoker,
    logger: Logger,
    visibility?: StateVisibility,
  ) {
    this.#entityFunctions = new Map(entityFunctions.map((fn) => [fn.name.toLowerCase(), fn]));
    this.#store = store;
    this.#signals = signals;
    this.#invoker = invoker;
    this.#logger = logger;
    this.#visibility = visibility;
  }

  hasEntity(name: string): boolean {
    return this.#entityFunctions.has(name.toLowerCase());
  }

  /** The session receiver's delivery callback: all envelopes belong to one entity, in order. */
  readonly process = async (envelopes: MessageEnvelope[]): Promise<void> => {
    const signals = envelopes.map((envelope) => pendingSignalSchema.parse(envelope.body));
    const [first] = signals;
    if (!first) return;
    const entity = canonicalEntity(first.entityName, first.entityKey);
    const fn = this.#entityFunctions.get(entity.name);
    if (!fn) throw new Error(`No entity function named '${entity.name}' is registered.`);

    const record = await this.#store.read(entity);
    const applied = new Set(record.appliedSignalIds);
    const fresh = signals.filter((signal) => !applied.has(signal.messageId));
    if (fresh.length < signals.length && record.outbox.length > 0) {
      // A redelivery: the previous run may have died between writing the state and sending its signals.
      for (const pending of record.outbox) await this.#signals.send(pending);
    }
    if (fresh.length === 0) return;

    const input = {
      self: entity,
      exists: record.exists,
      state: record.state,
      batch: fresh.map((signal) => ({
        name: signal.operation,
        input: signal.input,
        id: signal.messageId,
        signal: true,
      })),
    };
    const { response } = await this.#invoker.invoke(fn, {
      triggerData: jsonData(input),
      reason: `Entity '${entity.name}@${entity.key}' received ${fresh.length} operation(s)`,
    });
    const returned = response.returnValue?.json;
    if (typeof returned !== 'string')
      throw new Error(`Entity function '${fn.name}' returned no runner output.`);
    const output = runnerOutputSchema.parse(JSON.parse(returned));
    this.#logFailures(entity, fresh, output.results);

    const now = Date.now();
    const { outbox, sentTo } = this.#outbox(output.signals, fresh[0]?.messageId, record, now);
    const visibleAt = await this.#keepReplacedState(entity, record, now);
    await this.#store.write(entity, record, {
      exists: output.entityExists,
      state: output.entityExists ? (output.entityState ?? undefined) : undefined,
      appliedSignalIds: [...record.appliedSignalIds, ...fresh.map((signal) => signal.messageId)],
      outbox,
      visibleAt,
      sentTo,
    });
    // Functions of this process waiting on the entity read it now rather than after their back-off.
    noticeEntityChange(entity.name, entity.key);
    if (this.#visibility) await this.#pruneVersions(this.#visibility, entity, now);
    for (const pending of outbox) {
      if (!this.hasEntity(pending.entityName)) {
        this.#logger.error(
          `Entity '${entity.name}@${entity.key}' signalled unknown entity '${pending.entityName}'; dropped.`,
        );
        continue;
      }
      await this.#signals.send(pending);
    }
  };

  /**
   * The signals the batch emitted, as pending signals. With delays, each gets `notBefore` after the last one
   * this entity sent to the same target (`sentTo`, kept in the entity row), so delays never reorder them.
   */
  #outbox(
    emitted: RunnerSignal[],
    firstMessageId: string | undefined,
    record: EntityRecord,
    now: number,
  ): { outbox: PendingSignal[]; sentTo: Record<string, number> | undefined } {
    const scheduling = this.#signals.scheduling;
    // Entries in the past no longer constrain anything: a later signal is delivered after them anyway.
    const sentTo = scheduling.delays
      ? Object.fromEntries(Object.entries(record.sentTo ?? {}).filter(([, at]) => at >= now))
      : undefined;
    const outbox = emitted.map((signal, index): PendingSignal => {
      const pending: PendingSignal = {
        messageId: `${signal.requestId ?? firstMessageId ?? 'signal'}:${index}`,
        entityName: signal.target.name.toLowerCase(),
        entityKey: signal.target.key,
        operation: signal.name,
        input:
          signal.input !== null && signal.input !== undefined && signal.input !== ''
            ? signal.input
            : undefined,
      };
      if (!sentTo) return pending;
      const target = schedulerId(canonicalEntity(pending.entityName, pending.entityKey));
      const notBefore = Math.max(now + scheduling.forEntitySignal(), (sentTo[target] ?? 0) + 1);
      sentTo[target] = notBefore;
      return { ...pending, notBefore };
    });
    return { outbox, sentTo };
  }

  /**
   * Azure-like mode: draws when the new state becomes readable (never before the state it replaces) and
   * keeps the replaced state for readers until then. Kept BEFORE the write: a reader must never see the new
   * state and then the old one. A write that then loses its ETag race leaves a row holding the true previous
   * state, which readers may use harmlessly (entity-versions.ts takes the latest visible).
   */
  async #keepReplacedState(
    entity: EntityRef,
    record: EntityRecord,
    now: number,
  ): Promise<number | undefined> {
    if (!this.#visibility) return undefined;
    const replacedVisibleAt = record.visibleAt ?? 0;
    const visibleAt = Math.max(now + this.#visibility.lagMs(), replacedVisibleAt);
    await this.#visibility.versions.remember(
      entity,
      { exists: record.exists, state: record.state },
      replacedVisibleAt,
      visibleAt,
    );
    return visibleAt;
  }

  async #pruneVersions(visibility: StateVisibility, entity: EntityRef, now: number): Promise<void> {
    try {
      await visibility.versions.prune(entity, now);
    } catch (error) {
      // Only housekeeping: the state is written; a leftover version row is pruned next time.
      this.#logger.warn(`Pruning old versions of '${schedulerId(entity)}' failed.`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  #logFailures(
    entity: EntityRef,
    batch: PendingSignal[],
    results: z.infer<typeof runnerOutputSchema>['results'],
  ): void {
    results.forEach((result, index) => {
      if (!result.isError) return;
      this.#logger.warn(
        `Operation '${batch[index]?.operation ?? '?'}' on entity '${entity.name}@${entity.key}' threw; the rest of the batch was applied.`,
        { event: 'entityOperationFailed', result: result.result ?? undefined },
      );
    });
  }
}
