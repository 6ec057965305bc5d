/**
 * When entity signals are delivered. Locally: at once, once. In the Azure-like mode, what the Durable engine
 * allows:
 * - a signal from a client (DurableClient.signalEntity) is delivered after a random delay, and with some
 *   probability twice (at least once). Client signals are not ordered, not even two from one client: the
 *   engine's MessageSorter only orders messages that have a parent instance (an orchestration or entity),
 *   "messages sent from clients … are not participating in the sorting"
 *   (https://github.com/Azure/durabletask/blob/main/src/DurableTask.Core/Entities/StateFormat/MessageSorter.cs).
 * - a signal from an entity is delayed too, but delivered once and in order per (sender, target): "Messages
 *   sent between entities are delivered reliably and in order"
 *   (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-entities, "Comparison with
 *   virtual actors"). The batch processor keeps that order (entity-batch-processor.ts).
 */
import { AzureFidelity } from '../config/fidelity-options';
import { drawChance, drawInteger, RandomSource } from '../fidelity/seeded-random';

export interface ClientSignalPlan {
  delayMs: number;
  /** Delay of a second delivery of the same signal, when there is one. */
  duplicateDelayMs: number | undefined;
}

export interface SignalScheduling {
  /** True when signals may be delayed (and entity-to-entity order must then be kept explicitly). */
  readonly delays: boolean;
  forClientSignal(): ClientSignalPlan;
  /** The delay of a signal an entity emits. */
  forEntitySignal(): number;
}

export const immediateSignals: SignalScheduling = {
  delays: false,
  forClientSignal: () => ({ delayMs: 0, duplicateDelayMs: undefined }),
  forEntitySignal: () => 0,
};

export class RandomSignalScheduling implements SignalScheduling {
  readonly delays = true;
  readonly #fidelity: AzureFidelity;
  readonly #clientDraws: RandomSource;
  readonly #entityDraws: RandomSource;

  /** Separate streams, so entity traffic never shifts the choices made for client signals. */
  constructor(fidelity: AzureFidelity, clientDraws: RandomSource, entityDraws: RandomSource) {
    this.#fidelity = fidelity;
    this.#clientDraws = clientDraws;
    this.#entityDraws = entityDraws;
  }

  forClientSignal(): ClientSignalPlan {
    // Always three draws per signal, so one signal's choices never shift the next one's.
    const delayMs = drawInteger(this.#clientDraws, this.#fidelity.signalDelayMaxMs);
    const duplicated = drawChance(this.#clientDraws, this.#fidelity.duplicateProbability);
    const duplicateDelayMs = drawInteger(this.#clientDraws, this.#fidelity.signalDelayMaxMs);
    return { delayMs, duplicateDelayMs: duplicated ? duplicateDelayMs : undefined };
  }

  forEntitySignal(): number {
    return drawInteger(this.#entityDraws, this.#fidelity.signalDelayMaxMs);
  }
}
