/**
 * Entity group transactions: at most 100 operations and 4 MiB of payload, all in one partition. Larger
 * sets are split; each batch is atomic, the whole is made safe by idempotent writes (upserts, deletes of
 * rows known to exist).
 */
import diagnostics from 'node:diagnostics_channel';

import type { TableClient, TransactionAction } from '@azure/data-tables';

import { forEachLimit } from '../../domain/concurrency';

export const maxBatchSize = 100;
/** Characters of entity JSON per batch: well under the 4 MiB payload limit even when every character takes 2 bytes. */
export const maxBatchCharacters = 1_500_000;

/** Partitions written at the same time. */
export const partitionConcurrency = 4;

/**
 * Each transaction is announced here (`{ table, operations }`) before it is sent, so a host can count entity
 * writes rather than `$batch` requests (the dev host's `/admin/host/stats`). Free when nobody listens.
 */
export const tableTransactionChannelName = 'classic-migration:table-transaction';
const transactions = diagnostics.channel(tableTransactionChannelName);

function submit(client: TableClient, batch: TransactionAction[]): Promise<unknown> {
  if (transactions.hasSubscribers)
    transactions.publish({ table: client.tableName, operations: batch.length });
  return client.submitTransaction(batch);
}

async function submitPartition(client: TableClient, list: TransactionAction[]): Promise<void> {
  let batch: TransactionAction[] = [];
  let characters = 0;
  for (const action of list) {
    const size = JSON.stringify(action[1]).length;
    if (batch.length > 0 && (batch.length >= maxBatchSize || characters + size > maxBatchCharacters)) {
      await submit(client, batch);
      batch = [];
      characters = 0;
    }
    batch.push(action);
    characters += size;
  }
  if (batch.length > 0) await submit(client, batch);
}

export async function submitInBatches(client: TableClient, actions: TransactionAction[]): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const partitionKey = String(action[1].partitionKey);
    const list = byPartition.get(partitionKey) ?? [];
    list.push(action);
    byPartition.set(partitionKey, list);
  }
  // Partitions are independent: a few go at once; within one, batches go in order.
  await forEachLimit([...byPartition.values()], partitionConcurrency, (list) =>
    submitPartition(client, list),
  );
}
