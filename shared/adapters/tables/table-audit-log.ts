/**
 * The audit log on Azure Tables: one partition per scope, rows ordered by time (RowKey = ISO time + a
 * random suffix so two entries in one millisecond never collide). Append-only.
 */
import { randomUUID } from 'node:crypto';

import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';

import { tableNames } from '../../contracts/names';
import type { AuditEntry, AuditLog } from '../../ports/operation.port';
import type { TableService } from './table-service';

export class TableAuditLog implements AuditLog {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async append(entry: AuditEntry): Promise<void> {
    const client = await this.#client();
    await client.createEntity({
      partitionKey: entry.scopeKey,
      rowKey: `${entry.at}_${randomUUID()}`,
      ...entry,
    });
  }

  async listByScope(scopeKey: string, limit = 200): Promise<AuditEntry[]> {
    const client = await this.#client();
    const entries: AuditEntry[] = [];
    for await (const entity of client.listEntities<AuditEntry>({
      queryOptions: { filter: odata`PartitionKey eq ${scopeKey}` },
    })) {
      const { at, scopeKey: key, operationId, actor, source, action, outcome, detail } = entity;
      entries.push({
        at,
        scopeKey: key,
        actor,
        source,
        action,
        outcome,
        ...(operationId === undefined ? {} : { operationId }),
        ...(detail === undefined ? {} : { detail }),
      });
    }
    return entries.slice(-limit);
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.audit);
  }
}
