/**
 * Chat conversations on Azure Tables: PartitionKey = operation id, RowKey `conversation`, the
 * conversation as JSON columns; changes are read-modify-write under the row's ETag.
 */
import type { TableClient } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import { type Conversation, conversationSchema } from '../../domain/chat/chat-conversation';
import type { ConversationStore } from '../../ports/chat.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const rowKey = 'conversation';
const maxAttempts = 10;

export class TableConversationStore implements ConversationStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async create(conversation: Conversation): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.createEntity({
        partitionKey: conversation.operationId,
        rowKey,
        ...toJsonColumns(conversation),
      });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(operationId: string): Promise<Conversation | undefined> {
    return (await this.#read(operationId))?.conversation;
  }

  async remove(operationId: string): Promise<void> {
    const client = await this.#client();
    await orUndefinedOn404(() => client.deleteEntity(operationId, rowKey));
  }

  async update(
    operationId: string,
    change: (current: Conversation) => Conversation | undefined,
  ): Promise<{ conversation: Conversation; changed: boolean } | undefined> {
    const client = await this.#client();
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const stored = await this.#read(operationId);
      if (!stored) return undefined;
      const next = change(stored.conversation);
      if (!next) return { conversation: stored.conversation, changed: false };
      try {
        await client.updateEntity({ partitionKey: operationId, rowKey, ...toJsonColumns(next) }, 'Replace', {
          etag: stored.etag,
        });
        return { conversation: next, changed: true };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error(`Conversation ${operationId} kept changing; gave up after ${maxAttempts} attempts.`);
  }

  async #read(operationId: string): Promise<{ conversation: Conversation; etag: string } | undefined> {
    const client = await this.#client();
    const row = await orUndefinedOn404(() => client.getEntity<Record<string, unknown>>(operationId, rowKey));
    return row && { conversation: conversationSchema.parse(fromJsonColumns(row)), etag: row.etag };
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.chatConversations);
  }
}
