/**
 * The JSON API's start endpoint maps admission results to statuses, and its error edge turns every fault
 * into `{ error: { code, message } }`: 503 with Retry-After for a transient one, never a bare 500.
 */
import { HttpRequest } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { startMigration } from '../../../shared/handlers/start-migration.handler';
import { TransientFault } from '../../../shared/use-cases/errors';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import { aNetworkSecurityGroup, anInventory } from '../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../support/storage';
import { type TestServices, testServices } from '../../support/test-services';
import { header } from './service-management/sm-request-builder';

let services: TestServices;
let subscriptionId: string;

beforeEach(async () => {
  services = testServices();
  subscriptionId = uniqueSubscriptionId();
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
    }),
  );
});

const start = (action: string, testServices: TestServices = services, headers: Record<string, string> = {}) =>
  startMigration(
    testServices,
    new InMemoryScopeEntity(),
    new HttpRequest({
      method: 'POST',
      url: `http://localhost/api/migrations/networkSecurityGroups/nsg1/${action}?subscriptionId=${subscriptionId}`,
      params: { scopeKind: 'networkSecurityGroups', name: 'nsg1', action },
      headers,
    }),
  );

const failingInventory = (error: Error): TestServices => ({
  ...services,
  classicInventory: { ...services.classicInventory, load: () => Promise.reject(error) },
});

describe('POST /api/migrations/{kind}/{name}/{action}', () => {
  it('When the scope accepts the operation, then 202 with the operation id and status URL', async () => {
    const response = await start('prepare');
    expect(response.status).toBe(202);
    expect(response.jsonBody).toMatchObject({ status: 'Queued', operation: 'prepare', existing: false });
    expect(header(response, 'location')).toMatch(/\/api\/operations\/[0-9a-f-]{36}$/);
  });

  it('When the state refuses it, then 409 with the refusal code', async () => {
    const response = await start('commit');
    expect(response.status).toBe(409);
    expect(response.jsonBody).toMatchObject({ error: { code: 'NotPrepared' } });
  });

  it('When storage cannot be reached, then 503 ServiceUnavailable with Retry-After, in the JSON error shape', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10002'), { code: 'ECONNREFUSED' });
    const response = await start('prepare', failingInventory(outage));
    expect(response.status).toBe(503);
    expect(header(response, 'retry-after')).toBe('5');
    expect(response.jsonBody).toMatchObject({ error: { code: 'ServiceUnavailable' } });
  });

  it('When storage throttles (HTTP 503 from the service), then 503 with Retry-After too', async () => {
    const throttled = Object.assign(new Error('Server Busy'), { statusCode: 503 });
    expect((await start('prepare', failingInventory(throttled))).status).toBe(503);
  });

  it('When a decision does not come in time, then 503 with Retry-After', async () => {
    const timeout = new TransientFault('EntityDecisionTimeout', 'no decision within 60000 ms');
    const response = await start('validate', failingInventory(timeout));
    expect(response.status).toBe(503);
    expect((response.jsonBody as { error: { message: string } }).error.message).toContain('no decision');
  });

  it('When something unexpected fails, then 500 InternalServerError with an error id, not a bare 500', async () => {
    const response = await start('prepare', failingInventory(new TypeError('x is undefined')));
    expect(response.status).toBe(500);
    expect(response.jsonBody).toMatchObject({ error: { code: 'InternalServerError' } });
    expect((response.jsonBody as { error: { message: string } }).error.message).toMatch(/error id/);
  });
});
