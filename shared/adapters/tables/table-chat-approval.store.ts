/**
 * Pending commit approvals (the two-person rule) on Azure Tables: PartitionKey `approval`, RowKey = the
 * code, the approval as JSON columns under its ETag; PartitionKey `request`, RowKey = the SHA-256 of the chat
 * request's idempotency key, holding the code it created, so a retried command finds its approval.
 */
import { createHash } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import { type PendingApproval, pendingApprovalSchema } from '../../domain/chat/approval';
import type { ApprovalStore } from '../../ports/chat.port';
import { fromJsonColumns, toJsonColumns } from './json-columns';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const approvals = 'approval';
const requests = 'request';

export class TableApprovalStore implements ApprovalStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async create(approval: PendingApproval): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.createEntity({
        partitionKey: approvals,
        rowKey: approval.code,
        ...toJsonColumns(approval),
      });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(code: string): Promise<{ approval: PendingApproval; etag: string } | undefined> {
    if (!/^[A-Z0-9]{1,32}$/.test(code)) return undefined;
    const client = await this.#client();
    const row = await orUndefinedOn404(() => client.getEntity<Record<string, unknown>>(approvals, code));
    return row && { approval: pendingApprovalSchema.parse(fromJsonColumns(row)), etag: row.etag };
  }

  async replace(approval: PendingApproval, etag: string): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.updateEntity(
        { partitionKey: approvals, rowKey: approval.code, ...toJsonColumns(approval) },
        'Replace',
        {
          etag,
        },
      );
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  async claimRequest(requestKey: string, code: string): Promise<string> {
    const client = await this.#client();
    const rowKey = createHash('sha256').update(requestKey, 'utf8').digest('hex');
    try {
      await client.createEntity({ partitionKey: requests, rowKey, code });
      return code;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const existing = await client.getEntity<{ code: string }>(requests, rowKey);
      return existing.code;
    }
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.chatApprovals);
  }
}
