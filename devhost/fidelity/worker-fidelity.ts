/**
 * Builds what one worker process needs for its fidelity mode: how entity signals are scheduled and how
 * entity state becomes readable. Each worker draws from its own streams of the seed
 * (named after the worker index), so a run with one worker and one client sending in sequence repeats its
 * choices exactly; with several workers or concurrent clients the interleaving still varies.
 */
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { FidelityOptions } from '../config/fidelity-options';
import { StateVisibility } from '../durable/entity-batch-processor';
import { CurrentEntityReader, EntityReader, LaggingEntityReader } from '../durable/entity-reader';
import { EntityStore } from '../durable/entity-store';
import { EntityVersions, entityVersionsTable } from '../durable/entity-versions';
import { immediateSignals, RandomSignalScheduling, SignalScheduling } from '../durable/signal-scheduling';
import { drawInteger, randomStream } from './seeded-random';

export interface WorkerFidelity {
  scheduling: SignalScheduling;
  /** Undefined locally: a written state is readable at once. */
  visibility: StateVisibility | undefined;
  reader: EntityReader;
}

export async function workerFidelity(
  fidelity: FidelityOptions,
  workerIndex: string,
  storage: StorageClients,
  store: EntityStore,
): Promise<WorkerFidelity> {
  if (fidelity.mode === 'local') {
    return { scheduling: immediateSignals, visibility: undefined, reader: new CurrentEntityReader(store) };
  }
  if (fidelity.seed === undefined) {
    throw new Error('DEVHOST_FIDELITY_SEED is not set; workers are started by the primary, which sets it.');
  }
  const seed = fidelity.seed;
  const stream = (purpose: string) => randomStream(seed, `w${workerIndex}:${purpose}`);
  const versions = new EntityVersions(await storage.table(entityVersionsTable));
  const readLag = stream('read-lag');
  return {
    scheduling: new RandomSignalScheduling(fidelity, stream('client-signals'), stream('entity-signals')),
    visibility: { lagMs: () => drawInteger(readLag, fidelity.staleReadMaxMs), versions },
    reader: new LaggingEntityReader(store, versions),
  };
}
