import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { TableManagementOperationLog } from '../../../../shared/adapters/tables/table-management-operation-log';
import { TableOperationStore } from '../../../../shared/adapters/tables/table-operation.store';
import type { ManagementOperation } from '../../../../shared/contracts/management-operation';
import { testTableService, uniqueSubscriptionId } from '../../../support/storage';

const aWrite = (overrides: Partial<ManagementOperation> = {}): ManagementOperation => ({
  requestId: randomUUID().replace(/-/g, ''),
  subscriptionId: uniqueSubscriptionId(),
  kind: 'CreateDeployment',
  target: 'svc/svc',
  status: 'Succeeded',
  httpStatusCode: 200,
  requestedBy: 'anonymous',
  at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('TableManagementOperationLog', () => {
  const tables = testTableService();
  const log = new TableManagementOperationLog(tables);

  it('When a write is recorded, then it reads back by its request id', async () => {
    const write = aWrite({ error: { code: 'x', message: 'y' }, status: 'Failed', httpStatusCode: 409 });
    await log.record(write);
    expect(await log.get(write.requestId)).toEqual(write);
  });

  it('When a request id was never recorded, then it is not found', async () => {
    expect(await log.get(randomUUID())).toBeUndefined();
  });

  it('When a migration operation shares the request id, then each store reads only its own row of the shared table', async () => {
    const write = aWrite();
    await log.record(write);
    const operations = new TableOperationStore(tables);

    expect(await operations.get(write.requestId)).toBeUndefined();
    expect(await log.get(write.requestId)).toEqual(write);
  });
});
