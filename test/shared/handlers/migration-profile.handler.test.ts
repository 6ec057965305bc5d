/**
 * A subscription's migration profile through the JSON API, with the real stores on Azurite, the scope
 * entity in memory and the phase queues recorded: an Admin reads, sets and clears it
 * (`/api/subscriptions/{subscriptionId}/migration-profile`), and the JSON API's commands run under it —
 * a stand-alone Validate is refused under the 2016 preview, and its Prepare validates first with the
 * preview's rules and changes nothing when they block.
 */
import { HttpRequest } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { scopeKey } from '../../../shared/domain/scope/scope';
import { migrationProfileHandler } from '../../../shared/handlers/migration-profile.handler';
import { startMigration } from '../../../shared/handlers/start-migration.handler';
import { migrationProfileAuditKey } from '../../../shared/use-cases/migration-profile';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import { anInventory, aStorageAccount } from '../../fixtures/classic-builders';
import { lastQueued, runQueuedPhase } from '../../support/run-queued-phase';
import { uniqueSubscriptionId } from '../../support/storage';
import { type TestServices, testServices } from '../../support/test-services';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;

beforeEach(async () => {
  services = testServices();
  entity = new InMemoryScopeEntity();
  subscriptionId = uniqueSubscriptionId();
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'archive01' })],
    }),
  );
});

function profileRequest(method: 'GET' | 'PUT' | 'DELETE', body?: unknown, id = subscriptionId) {
  return migrationProfileHandler(
    services,
    new HttpRequest({
      method,
      url: `http://localhost/api/subscriptions/${id}/migration-profile`,
      params: { subscriptionId: id },
      headers: { 'x-requested-by': 'admin@contoso.com', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: { string: JSON.stringify(body) } }),
    }),
  );
}

function storageCommand(action: string, body: unknown = {}) {
  return startMigration(
    services,
    entity,
    new HttpRequest({
      method: 'POST',
      url: `http://localhost/api/migrations/storageAccounts/archive01/${action}?subscriptionId=${subscriptionId}`,
      params: { scopeKind: 'storageAccounts', name: 'archive01', action },
      headers: { 'content-type': 'application/json' },
      body: { string: JSON.stringify(body) },
    }),
  );
}

describe('/api/subscriptions/{subscriptionId}/migration-profile', () => {
  it('When no profile was set, then GET answers the default ga profile', async () => {
    const response = await profileRequest('GET');

    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({
      subscriptionId,
      profile: 'ga',
      source: 'default',
      title: 'Final platform (2023)',
      separateValidateOperation: true,
    });
  });

  it('When an Admin sets preview-2016, then GET answers it with who set it and when, and the change is audited', async () => {
    const put = await profileRequest('PUT', { profile: 'preview-2016' });

    expect(put.status).toBe(200);
    const expected = {
      subscriptionId,
      profile: 'preview-2016',
      source: 'subscription',
      title: 'Public preview (May 2016)',
      separateValidateOperation: false,
      setBy: 'admin@contoso.com',
      setAt: '2026-01-02T03:04:05.000Z',
    };
    expect(put.jsonBody).toEqual(expected);
    expect((await profileRequest('GET')).jsonBody).toEqual(expected);
    expect(await services.audit.listByScope(migrationProfileAuditKey, 100)).toContainEqual(
      expect.objectContaining({
        actor: 'admin@contoso.com',
        action: 'setMigrationProfile',
        detail: `${subscriptionId} → preview-2016`,
      }),
    );
  });

  it('When the profile is cleared, then it is back to the default, and clearing again is 404 MigrationProfileNotSet', async () => {
    await profileRequest('PUT', { profile: 'preview-2016' });

    expect((await profileRequest('DELETE')).status).toBe(204);
    expect((await profileRequest('GET')).jsonBody).toMatchObject({ profile: 'ga', source: 'default' });
    const again = await profileRequest('DELETE');
    expect(again.status).toBe(404);
    expect(again.jsonBody).toMatchObject({ error: { code: 'MigrationProfileNotSet' } });
  });

  it('When the profile named is unknown or the body has other fields, then 400 InvalidInput and nothing changes', async () => {
    expect((await profileRequest('PUT', { profile: 'preview-2015' })).status).toBe(400);
    const extra = await profileRequest('PUT', { profile: 'ga', validate: false });
    expect(extra.status).toBe(400);
    expect(extra.jsonBody).toMatchObject({ error: { code: 'InvalidInput' } });
    expect((await profileRequest('GET')).jsonBody).toMatchObject({ source: 'default' });
  });

  it('When the subscription id is not an id, then 400 InvalidInput', async () => {
    expect((await profileRequest('GET', undefined, 'not an id')).status).toBe(400);
  });
});

describe('JSON API commands under the subscription’s profile', () => {
  it('When the subscription runs under preview-2016, then Validate is refused with 400 NoSeparateValidate and nothing is queued', async () => {
    await profileRequest('PUT', { profile: 'preview-2016' });

    const response = await storageCommand('validate');

    expect(response.status).toBe(400);
    expect(response.jsonBody).toMatchObject({
      error: { code: 'NoSeparateValidate', message: expect.stringContaining('Send Prepare instead') },
    });
    expect(services.messages.sent).toEqual([]);
  });

  it('When the subscription runs under preview-2016 and a request names ga, then the request’s own profile wins', async () => {
    await profileRequest('PUT', { profile: 'preview-2016' });

    expect((await storageCommand('validate', { profile: 'ga' })).status).toBe(202);
    expect(lastQueued(services, 'validate').options).toEqual({ profile: 'ga' });
  });

  it('When Prepare is asked under preview-2016, then its command carries the profile, and the phase validates first, fails with the preview’s refusal and changes nothing', async () => {
    await profileRequest('PUT', { profile: 'preview-2016' });

    expect((await storageCommand('prepare')).status).toBe(202);
    expect(lastQueued(services, 'prepare').options).toEqual({ profile: 'preview-2016' });
    const record = await runQueuedPhase(services, entity, 'prepare');

    expect(record).toMatchObject({ status: 'Failed', error: { code: 'ValidationFailed' } });
    expect(record?.findings?.map((finding) => finding.code)).toEqual([
      'STORAGE_ACCOUNT_MIGRATION_NOT_SUPPORTED',
    ]);
    const key = scopeKey({ subscriptionId, kind: 'storageAccount', name: 'archive01' });
    // Nothing was locked: the scope never reached its entity, and no ARM resource was written.
    expect(await entity.read(key)).toBeUndefined();
    expect(await services.armInventory.manifest(subscriptionId, key)).toEqual([]);
  });

  it('When the profile is cleared again, then the same storage account validates and prepares under ga', async () => {
    await profileRequest('PUT', { profile: 'preview-2016' });
    await profileRequest('DELETE');

    expect((await storageCommand('validate')).status).toBe(202);
    expect((await storageCommand('prepare')).status).toBe(202);
    expect(lastQueued(services, 'prepare').options).toEqual({});
    expect(await runQueuedPhase(services, entity, 'prepare')).toMatchObject({ status: 'Succeeded' });
  });
});
