/**
 * Concurrent commands on one scope, and scopes that share resources, through the dev host: one command
 * runs, the others join it (same idempotency key) or are refused with a reason; a Prepare whose storage
 * account, NSG, route table or reserved IP is in another scope's migration is refused at the door.
 */
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { useDevHost } from '../support/e2e-host';

const e2e = useDevHost();

describe('twenty concurrent commands on one scope', () => {
  it('When 20 Prepares of one VNet arrive at once (half with one Idempotency-Key), then one runs, the keyed ones join it or are refused, and every other one is refused with a reason', async () => {
    const api = await e2e.freshEstate();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.start(
          'virtualNetwork',
          'Prod-VNet',
          'prepare',
          {},
          i % 2 === 0 ? { 'idempotency-key': key } : {},
        ),
      ),
    );
    for (const response of responses) {
      expect([202, 409]).toContain(response.status);
      if (response.status === 409) {
        expect(response.body.error?.code).toMatch(/^(OperationInProgress|AlreadyPrepared)$/);
        expect(response.body.error?.message.length).toBeGreaterThan(20);
      }
    }
    const keyed = responses.filter((_, i) => i % 2 === 0).filter((response) => response.status === 202);
    // Every keyed request that was admitted got the same operation.
    expect(new Set(keyed.map((response) => response.body.operationId)).size).toBeLessThanOrEqual(1);
    const operationIds = [
      ...new Set(responses.filter((r) => r.status === 202).map((r) => r.body.operationId)),
    ];
    expect(operationIds.length).toBeGreaterThanOrEqual(1);
    const records = await Promise.all(operationIds.map((id) => api.finished(id)));
    const ran = records.filter((record) => record.decision === 'started');
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ status: 'Succeeded', resultingState: 'Prepared' });
    for (const other of records.filter((record) => record !== ran[0])) {
      // Admitted in the same instant as the one that ran: the entity answered it (a no-op once Prepared,
      // or refused while the first ran), with its reason on the record.
      expect(['noop', 'refused']).toContain(other.decision);
      if (other.decision === 'refused') expect(other.error?.message).toContain(ran[0]!.operationId);
    }
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.state).toBe('Prepared');
    expect(status.history.operations).toHaveLength(operationIds.length);
  });
});

describe('overlapping scopes', () => {
  it('When a VNet is prepared, then Prepare of its storage account, its NSG and its route table is refused with the VNet named, until the VNet is aborted', async () => {
    const api = await e2e.freshEstate();
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    for (const [kind, name] of [
      ['storageAccount', 'contosovhds'],
      ['networkSecurityGroup', 'web-nsg'],
      ['routeTable', 'app-rt'],
    ] as const) {
      const refused = await api.start(kind, name, 'prepare');
      expect(refused.status, `${kind} ${name}`).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'OverlappingMigration' });
      expect(refused.body.error?.message).toContain("virtualNetwork 'Prod-VNet'");
      expect(refused.body.error?.message).toContain('state Prepared');
    }
    // Validate is never refused.
    expect((await api.start('storageAccount', 'contosovhds', 'validate')).status).toBe(202);
    await api.run('virtualNetwork', 'Prod-VNet', 'abort');
    const afterAbort = await api.start('routeTable', 'app-rt', 'prepare');
    expect(afterAbort.body.error?.code).not.toBe('OverlappingMigration');
  });

  it('When a cloud service is being prepared, then Prepare of its reserved IP is refused as an overlapping migration', async () => {
    const api = await e2e.freshEstate();
    await api.run('cloudService', 'contoso-ftp', 'prepare');
    const refused = await api.start('reservedIp', 'ftp-rip', 'prepare');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'OverlappingMigration' });
    expect(refused.body.error?.message).toContain("cloudService 'contoso-ftp'");
  });
});
