/**
 * Entity group transactions: at most 100 operations, all in one partition. Larger sets are split; each
 * batch is atomic, the whole is made safe by idempotent writes (upserts, deletes that tolerate 404).
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';

export const maxBatchSize = 100;

export async function submitInBatches(client: TableClient, actions: TransactionAction[]): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const partitionKey = String(action[1].partitionKey);
    const list = byPartition.get(partitionKey) ?? [];
    list.push(action);
    byPartition.set(partitionKey, list);
  }
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += maxBatchSize) {
      await client.submitTransaction(list.slice(i, i + maxBatchSize));
    }
  }
}
