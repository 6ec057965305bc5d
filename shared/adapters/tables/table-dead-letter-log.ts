/**
 * The dead-letter processor's log, in the Operations table (it is about operations): partition
 * `deadletter_`, RowKey = inverted handling time + the SHA-256 of queue and message id (newest first; message
 * ids may hold characters Table keys refuse), the entry as JSON columns with the queue beside them for a
 * filter. Bounded by what gets dead-lettered, which is rare; nothing prunes it (our choice: an operator's
 * record, like the audit log).
 */
import { createHash } from 'node:crypto';

import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { tableNames } from '../../contracts/names';
import type { DeadLetterEntry, DeadLetterLog } from '../../ports/dead-letter.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import type { TableService } from './table-service';

const partition = 'deadletter_';

const entrySchema = z.object({
  queue: z.string(),
  messageId: z.string(),
  operationId: z.string().optional(),
  deadLetterReason: z.string().optional(),
  deadLetterErrorDescription: z.string().optional(),
  handledAt: z.string(),
  outcome: z.string(),
  body: z.unknown(),
});

export class TableDeadLetterLog implements DeadLetterLog {
  readonly #tables: TableService;
  readonly #tableName: string;

  constructor(tables: TableService, tableName: string = tableNames.operations) {
    this.#tables = tables;
    this.#tableName = tableName;
  }

  async record(entry: DeadLetterEntry): Promise<void> {
    const client = await this.#client();
    const id = createHash('sha256').update(`${entry.queue}\n${entry.messageId}`).digest('hex');
    await client.upsertEntity(
      {
        partitionKey: partition,
        rowKey: `${invertedTime(entry.handledAt)}_${id}`,
        queue: entry.queue,
        ...toJsonColumns(entry),
      },
      'Replace',
    );
  }

  async list(options: { queue?: string; limit: number }): Promise<DeadLetterEntry[]> {
    const client = await this.#client();
    const filter =
      options.queue === undefined
        ? odata`PartitionKey eq ${partition}`
        : odata`PartitionKey eq ${partition} and queue eq ${options.queue}`;
    const entries: DeadLetterEntry[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = entrySchema.parse(fromJsonColumns(row));
      entries.push({ ...parsed, body: parsed.body });
      if (entries.length >= options.limit) break;
    }
    return entries;
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(this.#tableName);
  }
}

/** Sorts newest first: 13-digit milliseconds subtracted from a constant, zero-padded. */
function invertedTime(iso: string): string {
  return String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');
}
