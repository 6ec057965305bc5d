/**
 * The Event Grid adapter through the real `EventGridPublisherClient`, against a local HTTP endpoint that
 * records what it receives (plain http, allowed by `allowInsecureConnection`; the key credential's
 * `aeg-sas-key` header is the only authentication a local endpoint can check).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AzureKeyCredential } from '@azure/core-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { EventGridOutcomePublisher } from '../../../../shared/adapters/events/event-grid-outcome-publisher';
import type { OutcomeEvent } from '../../../../shared/contracts/outcome-event';

interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const key = 'test-topic-key';

const event: OutcomeEvent = {
  specversion: '1.0',
  type: 'Classic.Migration.PrepareSucceeded',
  source: '/subscriptions/11111111-1111-1111-1111-111111111111/providers/Classic.Migration',
  id: 'op-1.Succeeded',
  time: '2026-01-02T03:04:05.000Z',
  subject: '/subscriptions/11111111-1111-1111-1111-111111111111/migrations/virtualNetworks/Prod-VNet',
  datacontenttype: 'application/json',
  data: {
    operationId: 'op-1',
    subscriptionId: '11111111-1111-1111-1111-111111111111',
    scopeKind: 'virtualNetwork',
    name: 'Prod-VNet',
    operation: 'prepare',
    status: 'Succeeded',
    state: 'Prepared',
    requestedBy: 'alice@example.com',
    source: 'api',
    requestedAt: '2026-01-02T03:00:00.000Z',
    finishedAt: '2026-01-02T03:04:05.000Z',
    findings: { errors: 0, warnings: 1, information: 2 },
    armResourceCount: 7,
  },
};

describe('EventGridOutcomePublisher', () => {
  let server: Server;
  let endpoint: string;
  let status = 200;
  const requests: RecordedRequest[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 200 ? '' : JSON.stringify({ error: { code: 'InternalServerError' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  beforeEach(() => {
    requests.length = 0;
    status = 200;
  });

  const publisher = () =>
    new EventGridOutcomePublisher(endpoint, new AzureKeyCredential(key), {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 1 },
    });

  it('When an outcome is published, then the topic receives it as a CloudEvents batch with the same id, type, source, subject, time and data', async () => {
    await publisher().publish(event);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toMatch(/^\/api\/events\?api-version=/);
    expect(request!.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
    expect(request!.headers['aeg-sas-key']).toBe(key);
    const body = JSON.parse(request!.body) as unknown[];
    expect(body).toEqual([
      {
        specversion: '1.0',
        id: event.id,
        type: event.type,
        source: event.source,
        subject: event.subject,
        time: event.time,
        datacontenttype: 'application/json',
        data: event.data,
      },
    ]);
  });

  it('When the topic answers 500, then publish rejects (after the configured retries)', async () => {
    status = 500;
    await expect(publisher().publish(event)).rejects.toThrow();
    expect(requests).toHaveLength(2);
  });
});
