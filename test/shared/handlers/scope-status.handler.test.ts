/**
 * `GET /api/migrations/{kind}/{name}`: the status as JSON, gzipped when it is large and the client takes
 * gzip (its large parts compressed once per inventory version), plain otherwise; 404 for a scope that
 * never existed. Real stores on Azurite, the scope entity in memory.
 */
import { gunzipSync } from 'node:zlib';

import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { getScopeStatus } from '../../../shared/handlers/scope-status.handler';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import { aCloudService, aDeployment, anInventory, aVmRole } from '../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../support/storage';
import { type TestServices, testServices } from '../../support/test-services';
import { header } from './service-management/sm-request-builder';

let services: TestServices;
let subscriptionId: string;
const entity = new InMemoryScopeEntity();

const get = (name: string, headers: Record<string, string> = {}) =>
  getScopeStatus(
    services,
    entity,
    new HttpRequest({
      method: 'GET',
      url: `http://localhost/api/migrations/cloudServices/${name}?subscriptionId=${subscriptionId}`,
      params: { scopeKind: 'cloudServices', name },
      headers,
    }),
  );

const bytesOf = (response: HttpResponseInit): Buffer => {
  if (!Buffer.isBuffer(response.body)) throw new Error('the status body is not bytes');
  return response.body;
};

beforeEach(async () => {
  services = testServices();
  subscriptionId = uniqueSubscriptionId();
  const vms = (count: number) => Array.from({ length: count }, (_, i) => aVmRole({ name: `vm${i}` }));
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      cloudServices: [
        aCloudService({ name: 'small', deployments: [aDeployment({ name: 'small', roles: vms(1) })] }),
        aCloudService({ name: 'large', deployments: [aDeployment({ name: 'large', roles: vms(200) })] }),
      ],
    }),
  );
});

describe('GET /api/migrations/{kind}/{name}', () => {
  it('When a large status is asked by a client that takes gzip, then it comes gzipped and reads as the plain answer', async () => {
    const plain = await get('large');
    const gzipped = await get('large', { 'accept-encoding': 'gzip, deflate, br' });

    expect(header(plain, 'content-encoding')).toBeUndefined();
    expect(header(gzipped, 'content-encoding')).toBe('gzip');
    expect(header(gzipped, 'vary')).toBe('Accept-Encoding');
    expect(bytesOf(gzipped).length).toBeLessThan(bytesOf(plain).length / 5);
    expect(JSON.parse(gunzipSync(bytesOf(gzipped)).toString('utf8'))).toEqual(
      JSON.parse(bytesOf(plain).toString('utf8')),
    );
  });

  it('When the same large status is asked again, then the gzipped answer is the same', async () => {
    const first = await get('large', { 'accept-encoding': 'gzip' });
    const second = await get('large', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(bytesOf(second)).equals(gunzipSync(bytesOf(first)))).toBe(true);
  });

  it('When a small status is asked, then it is plain JSON whatever the client takes', async () => {
    const response = await get('small', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe('application/json; charset=utf-8');
    expect(header(response, 'content-encoding')).toBeUndefined();
    expect(JSON.parse(bytesOf(response).toString('utf8'))).toMatchObject({
      scope: { kind: 'cloudService', name: 'small', kindPath: 'cloudServices' },
      state: 'None',
      arm: { source: 'planned' },
    });
  });

  it('When the scope never existed, then 404 ResourceNotFound', async () => {
    const response = await get('nope');
    expect(response.status).toBe(404);
    expect(response.jsonBody).toMatchObject({ error: { code: 'ResourceNotFound' } });
  });
});
