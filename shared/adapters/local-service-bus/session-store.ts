/**
 * Storage layout of session-enabled entities.
 *
 * Strict FIFO per session cannot be had from a Storage queue (no ordering guarantee, and re-hidden messages
 * change places), so a session-enabled entity keeps its messages in a table: one partition per
 * (entity, session), RowKey = sequence key, which Table storage returns in order. The entity's Azurite queue
 * then only carries wake-up tokens (`{"sessionId": ...}`) telling receivers which session may have work.
 * A session lock is one row per (entity, session) in a second table, taken and renewed with ETags.
 */
import { odata, TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { MessageEnvelope, parseEnvelope, sequenceKey, serializeEnvelope } from './message-envelope';
import { StorageClients } from './storage-clients';
import { encodeKey, entityPartitionKey, localServiceBusTables, sessionPartitionKey } from './storage-names';

export interface StoredSessionMessage {
  partitionKey: string;
  rowKey: string;
  etag: string;
  envelope: MessageEnvelope;
}

export interface SessionLockRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  lockToken: string;
  owner: string;
  lockedUntil: number;
}

const messageRowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  envelope: z.string(),
});

const lockRowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  lockToken: z.string(),
  owner: z.string(),
  lockedUntil: z.number(),
});

/** The wake-up token a session entity's queue carries. */
export const sessionTokenSchema = z.object({ sessionId: z.string() });
export type SessionToken = z.infer<typeof sessionTokenSchema>;

export class SessionStore {
  readonly #clients: StorageClients;

  constructor(clients: StorageClients) {
    this.#clients = clients;
  }

  messages(): Promise<TableClient> {
    return this.#clients.table(localServiceBusTables.sessionMessages);
  }

  locks(): Promise<TableClient> {
    return this.#clients.table(localServiceBusTables.sessionLocks);
  }

  async append(entityPath: string, envelope: MessageEnvelope): Promise<void> {
    const sessionId = requireSessionId(envelope);
    const table = await this.messages();
    await table.createEntity({
      partitionKey: sessionPartitionKey(entityPath, sessionId),
      rowKey: sequenceKey(envelope),
      envelope: serializeEnvelope(envelope),
    });
  }

  /** The first `max` messages of a session, in sequence order (scheduled ones included). */
  async head(entityPath: string, sessionId: string, max: number): Promise<StoredSessionMessage[]> {
    const table = await this.messages();
    const pages = table
      .listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${sessionPartitionKey(entityPath, sessionId)}` },
      })
      .byPage({ maxPageSize: max });
    const first = await pages.next();
    if (first.done === true) return [];
    return first.value.slice(0, max).map(toStoredMessage);
  }

  /** Every pending message of an entity, across sessions (for inspection). */
  async listAll(entityPath: string, max: number): Promise<MessageEnvelope[]> {
    const table = await this.messages();
    const prefix = `${entityPartitionKey(entityPath)}|`;
    // '}' is the character after '|', so this range is exactly the partitions starting with the prefix.
    const upper = `${entityPartitionKey(entityPath)}}`;
    const rows = table.listEntities({
      queryOptions: { filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${upper}` },
    });
    const envelopes: MessageEnvelope[] = [];
    for await (const row of rows) {
      envelopes.push(toStoredMessage(row).envelope);
      if (envelopes.length >= max) break;
    }
    return envelopes;
  }

  /** Rewrites a message under its ETag; returns the new ETag. Throws 412 if someone else changed it. */
  async update(message: StoredSessionMessage, envelope: MessageEnvelope): Promise<StoredSessionMessage> {
    const table = await this.messages();
    const result = await table.updateEntity(
      { partitionKey: message.partitionKey, rowKey: message.rowKey, envelope: serializeEnvelope(envelope) },
      'Replace',
      { etag: message.etag },
    );
    return { ...message, etag: result.etag ?? message.etag, envelope };
  }

  async remove(message: StoredSessionMessage): Promise<void> {
    const table = await this.messages();
    await table.deleteEntity(message.partitionKey, message.rowKey, { etag: message.etag });
  }

  async readLock(entityPath: string, sessionId: string): Promise<SessionLockRow | undefined> {
    const table = await this.locks();
    try {
      const row = await table.getEntity(entityPartitionKey(entityPath), encodeKey(sessionId));
      return lockRowSchema.parse(row);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }
}

function toStoredMessage(row: unknown): StoredSessionMessage {
  const parsed = messageRowSchema.parse(row);
  return {
    partitionKey: parsed.partitionKey,
    rowKey: parsed.rowKey,
    etag: parsed.etag,
    envelope: parseEnvelope(parsed.envelope),
  };
}

export function parseLockRow(row: unknown): SessionLockRow {
  return lockRowSchema.parse(row);
}

function requireSessionId(envelope: MessageEnvelope): string {
  if (envelope.sessionId === undefined || envelope.sessionId.length === 0) {
    throw new Error('A message sent to a session-enabled entity must have a sessionId.');
  }
  return envelope.sessionId;
}
