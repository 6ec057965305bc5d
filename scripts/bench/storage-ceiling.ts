/**
 * The raw ceiling of a storage account (here: the dev host's Azurite), measured from this process with
 * the same SDKs the service uses, so the migration's own figures have something to be compared with:
 * - table: entity group transactions of 100 upserts (about 1 KiB each), `concurrency` in flight, each
 *   in its own partition, for `seconds` → entity writes per second (and transactions per second);
 * - queue: single-message sends (about 1 KiB), `concurrency` in flight, for `seconds` → sends per second.
 * The table and queue it writes are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { TableClient, type TransactionAction } from '@azure/data-tables';
import { QueueServiceClient } from '@azure/storage-queue';

export interface StorageCeiling {
  seconds: number;
  concurrency: number;
  entitiesPerTransaction: number;
  tableTransactionsPerSecond: number;
  /** Entity writes per second through 100-entity transactions: the ceiling `ceilingRatio` divides by. */
  tableEntityWritesPerSecond: number;
  queueSendsPerSecond: number;
}

export const entitiesPerTransaction = 100;
const payload = 'x'.repeat(1000);

/** Runs `operation` from `concurrency` loops until `seconds` have passed; how many completed, and in what time. */
async function saturate(
  seconds: number,
  concurrency: number,
  operation: (loop: number, iteration: number) => Promise<void>,
): Promise<{ completed: number; elapsedSeconds: number }> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let completed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        await operation(loop, iteration);
        completed++;
      }
    }),
  );
  return { completed, elapsedSeconds: (performance.now() - started) / 1000 };
}

export async function measureStorageCeiling(
  connectionString: string,
  options: { seconds: number; concurrency: number },
): Promise<StorageCeiling> {
  const insecure = /(TableEndpoint|DefaultEndpointsProtocol)=http[:;]/i.test(connectionString);
  const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  const table = TableClient.fromConnectionString(connectionString, `benchceiling${suffix}`, {
    allowInsecureConnection: insecure,
  });
  const queue = QueueServiceClient.fromConnectionString(connectionString).getQueueClient(
    `bench-ceiling-${suffix}`,
  );
  await table.createTable();
  await queue.create();
  try {
    const transaction = (partitionKey: string): TransactionAction[] =>
      Array.from({ length: entitiesPerTransaction }, (_, row) => [
        'upsert',
        { partitionKey, rowKey: `r${String(row).padStart(3, '0')}`, payload },
        'Replace',
      ]);
    // A short warm-up, so connection set-up is not in the figure.
    await table.submitTransaction(transaction('warmup'));
    await queue.sendMessage(payload);
    const tables = await saturate(options.seconds, options.concurrency, (loop, iteration) =>
      table.submitTransaction(transaction(`p${loop}-${iteration}`)).then(() => undefined),
    );
    const queues = await saturate(options.seconds, options.concurrency, () =>
      queue.sendMessage(payload).then(() => undefined),
    );
    return {
      seconds: options.seconds,
      concurrency: options.concurrency,
      entitiesPerTransaction,
      tableTransactionsPerSecond: tables.completed / tables.elapsedSeconds,
      tableEntityWritesPerSecond: (tables.completed * entitiesPerTransaction) / tables.elapsedSeconds,
      queueSendsPerSecond: queues.completed / queues.elapsedSeconds,
    };
  } finally {
    await Promise.allSettled([table.deleteTable(), queue.delete()]);
  }
}
