/**
 * Duplicate detection on messageId within a time window, done when a message is received rather than when
 * it is sent: the first copy (by envelope id) to be received claims the messageId in a table; a later copy with
 * the same messageId enqueued within the window is completed without running the function. Doing it on
 * receipt keeps sends crash-safe (a sender that dies between two storage calls never loses a message), at
 * the price that a duplicate is visible in the queue until it is received.
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { MessageEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import {
  isConcurrencyConflict,
  storageStatus,
} from '../../shared/adapters/local-service-bus/storage-clients';
import { encodeKey, entityPartitionKey } from '../../shared/adapters/local-service-bus/storage-names';

const historyRowSchema = z.object({ etag: z.string(), envelopeId: z.string(), enqueuedMs: z.number() });

export type DuplicateVerdict = 'first' | 'duplicate';

export class DuplicateDetector {
  readonly #table: TableClient;

  constructor(table: TableClient) {
    this.#table = table;
  }

  async check(entityPath: string, envelope: MessageEnvelope, windowMs: number): Promise<DuplicateVerdict> {
    const partitionKey = entityPartitionKey(entityPath);
    const rowKey = encodeKey(envelope.messageId);
    const enqueuedMs = Date.parse(envelope.enqueuedTimeUtc);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.#table.createEntity({ partitionKey, rowKey, envelopeId: envelope.envelopeId, enqueuedMs });
        return 'first';
      } catch (error) {
        if (storageStatus(error) !== 409) throw error;
      }
      let row;
      try {
        row = historyRowSchema.parse(await this.#table.getEntity(partitionKey, rowKey));
      } catch (error) {
        if (storageStatus(error) === 404) continue;
        throw error;
      }
      if (row.envelopeId === envelope.envelopeId) return 'first';
      if (Math.abs(enqueuedMs - row.enqueuedMs) <= windowMs) return 'duplicate';
      try {
        // The remembered copy is older than the window: this one starts a new window.
        await this.#table.updateEntity(
          { partitionKey, rowKey, envelopeId: envelope.envelopeId, enqueuedMs },
          'Replace',
          { etag: row.etag },
        );
        return 'first';
      } catch (error) {
        if (!isConcurrencyConflict(error)) throw error;
      }
    }
    throw new Error(`Duplicate detection for message '${envelope.messageId}' kept conflicting; try again.`);
  }
}
