/**
 * The dev host's stats: storage calls classified from method and path, counted from Node's HTTP client
 * diagnostics channel and the table adapter's transaction channel, and summed over processes.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { summariseHostStats } from '../../devhost/stats/host-stats';
import {
  classifyQueueRequest,
  classifyTableRequest,
  countStorageCalls,
  storageEndpoints,
} from '../../devhost/stats/storage-counters';
import { submitInBatches } from '../../shared/adapters/tables/batches';

describe('classifyTableRequest', () => {
  it.each([
    ['GET', "/devstoreaccount1/Operations(PartitionKey='a',RowKey='b')", 'read'],
    ['GET', "/devstoreaccount1/Operations()?$filter=PartitionKey%20eq%20'a'", 'read'],
    ['POST', '/devstoreaccount1/Operations', 'write'],
    ['PUT', "/devstoreaccount1/Operations(PartitionKey='a',RowKey='b')", 'write'],
    ['PATCH', "/devstoreaccount1/Operations(PartitionKey='a',RowKey='b')", 'write'],
    ['DELETE', "/devstoreaccount1/Operations(PartitionKey='a',RowKey='b')", 'write'],
    ['POST', '/devstoreaccount1/$batch', 'transaction'],
    ['POST', '/devstoreaccount1/Tables', 'other'],
  ] as const)('When %s %s, then it is a %s', (method, path, kind) => {
    expect(classifyTableRequest(method, path)).toBe(kind);
  });
});

describe('classifyQueueRequest', () => {
  it.each([
    ['POST', '/devstoreaccount1/sb-migration-prepare/messages', 'send'],
    [
      'GET',
      '/devstoreaccount1/sb-migration-prepare/messages?numofmessages=16&visibilitytimeout=60',
      'receive',
    ],
    ['GET', '/devstoreaccount1/sb-migration-prepare/messages?peekonly=true', 'peek'],
    ['DELETE', '/devstoreaccount1/sb-migration-prepare/messages/abc?popreceipt=x', 'delete'],
    [
      'PUT',
      '/devstoreaccount1/sb-migration-prepare/messages/abc?popreceipt=x&visibilitytimeout=30',
      'update',
    ],
    ['PUT', '/devstoreaccount1/sb-migration-prepare', 'other'],
  ] as const)('When %s %s, then it is a %s', (method, path, kind) => {
    expect(classifyQueueRequest(method, path)).toBe(kind);
  });
});

describe('countStorageCalls', () => {
  it('When requests go to the table and queue endpoints, then each is counted under its service', async () => {
    const server = createServer((incoming, response) => {
      incoming.resume();
      incoming.on('end', () => {
        response.statusCode = incoming.url?.includes('conflict') ? 412 : 200;
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const tablePort = (server.address() as AddressInfo).port;
    // The queue endpoint is another host name for the same server, so the counter tells them apart.
    const counts = countStorageCalls(
      `TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;QueueEndpoint=http://localhost:${tablePort}/devstoreaccount1;`,
    );
    const send = (host: string, method: string, path: string) =>
      new Promise<void>((resolve, reject) => {
        const outgoing = request(
          { host: '127.0.0.1', port: tablePort, method, path, headers: { host: `${host}:${tablePort}` } },
          (response) => {
            response.resume();
            response.on('end', resolve);
          },
        );
        outgoing.on('error', reject);
        outgoing.end();
      });
    try {
      await send('127.0.0.1', 'GET', "/devstoreaccount1/T(PartitionKey='a',RowKey='b')");
      await send('127.0.0.1', 'PUT', "/devstoreaccount1/T(PartitionKey='a',RowKey='conflict')");
      await send('localhost', 'POST', '/devstoreaccount1/q/messages');
      await send('localhost', 'GET', '/devstoreaccount1/q/messages?numofmessages=1');
    } finally {
      server.close();
    }
    expect(counts()).toMatchObject({
      table: { requests: 2, reads: 1, writes: 1, conflicts: 1 },
      queue: { requests: 2, sends: 1, receives: 1 },
    });
  });

  it('When the table adapter submits transactions, then the entity writes they carry are counted', async () => {
    const counts = countStorageCalls('TableEndpoint=http://127.0.0.1:1/devstoreaccount1;');
    const submitted: number[] = [];
    const client = {
      tableName: 'T',
      submitTransaction: (batch: unknown[]) => {
        submitted.push(batch.length);
        return Promise.resolve();
      },
    };
    const actions = Array.from({ length: 150 }, (_, i) => [
      'upsert',
      { partitionKey: 'p', rowKey: String(i) },
    ]) as Parameters<typeof submitInBatches>[1];
    await submitInBatches(client as unknown as Parameters<typeof submitInBatches>[0], actions);
    expect(submitted).toEqual([100, 50]);
    expect(counts().table.transactionWrites).toBe(150);
  });
});

describe('storageEndpoints', () => {
  it('When given an Azurite connection string, then it names the table and queue hosts', () => {
    expect(
      storageEndpoints(
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;',
      ),
    ).toEqual({ table: '127.0.0.1:10002', queue: '127.0.0.1:10001' });
  });
});

describe('summariseHostStats', () => {
  it('When workers report, then their counts add up and memory is summed by role', () => {
    const storage = (reads: number) => ({
      table: {
        requests: reads,
        reads,
        writes: 0,
        transactions: 0,
        transactionWrites: 0,
        other: 0,
        conflicts: 0,
      },
      queue: { requests: 1, sends: 1, receives: 0, peeks: 0, deletes: 0, updates: 0, other: 0 },
      otherRequests: 0,
    });
    const stats = summariseHostStats(
      [
        { role: 'primary', pid: 1, rssBytes: 100, peakRssBytes: 120 },
        { role: 'azurite', pid: 2, rssBytes: 500, peakRssBytes: 600 },
        {
          role: 'worker',
          pid: 3,
          workerIndex: 0,
          rssBytes: 200,
          peakRssBytes: 250,
          storage: storage(3),
          invocations: { health: { count: 1, failed: 0, totalMs: 5 } },
        },
        {
          role: 'worker',
          pid: 4,
          workerIndex: 1,
          rssBytes: 300,
          peakRssBytes: 310,
          storage: storage(4),
          invocations: { health: { count: 2, failed: 1, totalMs: 7 } },
        },
      ],
      2,
      0,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(stats.totals).toMatchObject({
      storage: { table: { reads: 7, requests: 7 }, queue: { sends: 2 } },
      invocations: { health: { count: 3, failed: 1, totalMs: 12 } },
      hostRssBytes: 600,
      hostPeakRssBytes: 680,
      azuriteRssBytes: 500,
      azuritePeakRssBytes: 600,
    });
  });
});
