import { randomUUID } from 'node:crypto';

import { inject } from 'vitest';

import { TableService } from '../../shared/adapters/tables/table-service';

/** A TableService on the test run's Azurite (see azurite-global-setup.ts). */
export function testTableService(): TableService {
  return new TableService({ kind: 'connectionString', connectionString: inject('azuriteConnectionString') });
}

/** A subscription id no other test uses, so tests sharing one Azurite never see each other's rows. */
export function uniqueSubscriptionId(): string {
  return randomUUID();
}
