/**
 * Applies a batch of signals to one entity by running the registered entity function — which IS the
 * durable-functions runner (`df.app.entity` registers `createEntityFunction(handler)`) — with the trigger input
 * the runner expects, `{ self, exists, state, batch: [{ name, input, id }] }`, and storing what it returns,
 * `{ entityExists, entityState, results, signals }`.
 *
 * Like the JS runner, an operation that throws does not stop the batch and does not roll back a setState made
 * before the throw; its error is only logged (signals have no caller to return it to). The batch is applied
 * once: the state write carries the ids of the applied signals and is guarded by the row's ETag.
 */
import { z } from 'zod';

import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { jsonData } from '../bindings/typed-data';
import { Logger } from '../logging/logger';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { canonicalEntity, EntityRef } from './entity-id';
import { EntitySignalSender } from './entity-signals';
import { EntityStore, PendingSignal, pendingSignalSchema } from './entity-store';

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

export class EntityBatchProcessor {
  readonly #entityFunctions: Map<string, HostedFunction>;
  readonly #store: EntityStore;
  readonly #signals: EntitySignalSender;
  readonly #invoker: FunctionInvoker;
  readonly #logger: Logger;

  constructor(
    entityFunctions: HostedFunction[],
    store: EntityStore,
    signals: EntitySignalSender,
    invoker: FunctionInvoker,
    logger: Logger,
  ) {
    this.#entityFunctions = new Map(entityFunctions.map((fn) => [fn.name.toLowerCase(), fn]));
    this.#store = store;
    this.#signals = signals;
    this.#invoker = invoker;
    this.#logger = logger;
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

    const outbox: PendingSignal[] = output.signals.map((signal, index) => ({
      messageId: `${signal.requestId ?? fresh[0]?.messageId ?? 'signal'}:${index}`,
      entityName: signal.target.name.toLowerCase(),
      entityKey: signal.target.key,
      operation: signal.name,
      input:
        signal.input !== null && signal.input !== undefined && signal.input !== '' ? signal.input : undefined,
    }));
    await this.#store.write(entity, record, {
      exists: output.entityExists,
      state: output.entityExists ? (output.entityState ?? undefined) : undefined,
      appliedSignalIds: [...record.appliedSignalIds, ...fresh.map((signal) => signal.messageId)],
      outbox,
    });
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
