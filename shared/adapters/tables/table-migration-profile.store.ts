/**
 * Subscriptions' migration profiles on Azure Tables: PartitionKey = subscription id (lower-case), RowKey
 * `profile`. Rows are parsed on the way back: a row naming a profile this build does not know fails loudly
 * instead of silently validating under another one.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';

import { tableNames } from '../../contracts/names';
import { validationProfileSchema } from '../../domain/validation/validation-profile';
import type { MigrationProfileSetting, MigrationProfileStore } from '../../ports/migration-profile.port';
import { orUndefinedOn404, statusOf, type TableService } from './table-service';

const rowKey = 'profile';

const rowSchema = z.object({
  profile: validationProfileSchema,
  setBy: z.string(),
  setAt: z.string(),
});

export class TableMigrationProfileStore implements MigrationProfileStore {
  readonly #tables: TableService;

  constructor(tables: TableService) {
    this.#tables = tables;
  }

  async get(subscriptionId: string): Promise<MigrationProfileSetting | undefined> {
    const client = await this.#client();
    const partitionKey = subscriptionId.toLowerCase();
    const entity = await orUndefinedOn404(() => client.getEntity(partitionKey, rowKey));
    if (!entity) return undefined;
    return { subscriptionId: partitionKey, ...rowSchema.parse(entity) };
  }

  async put(setting: MigrationProfileSetting): Promise<void> {
    const client = await this.#client();
    await client.upsertEntity(
      {
        partitionKey: setting.subscriptionId.toLowerCase(),
        rowKey,
        profile: setting.profile,
        setBy: setting.setBy,
        setAt: setting.setAt,
      },
      'Replace',
    );
  }

  async remove(subscriptionId: string): Promise<boolean> {
    const client = await this.#client();
    try {
      await client.deleteEntity(subscriptionId.toLowerCase(), rowKey);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  #client(): Promise<TableClient> {
    return this.#tables.table(tableNames.migrationProfiles);
  }
}
