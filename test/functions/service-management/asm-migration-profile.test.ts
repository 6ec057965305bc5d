/**
 * A subscription's migration profile, set through the JSON API of a dev host, honoured by the real
 * `azure-asm-storage` client's migration calls (which cannot name a profile): under the May 2016 preview
 * there is no Validate, and Prepare validates first and refuses a storage account.
 */
import { describe, expect, it } from 'vitest';

import { aStorageAccount } from '../../fixtures/classic-builders';
import { failure } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';

const sm = useServiceManagementHost();

async function setProfile(subscriptionId: string, profile: string): Promise<unknown> {
  const response = await fetch(`${sm.baseUrl}/api/subscriptions/${subscriptionId}/migration-profile`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('azure-asm-storage under the subscription’s migration profile', () => {
  it('When an Admin sets preview-2016, then validateMigration is refused with BadRequest and prepareMigration fails with the preview’s refusal; back on ga both work', async () => {
    const { storage, subscriptionId } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'archive01' })],
    });
    expect(await setProfile(subscriptionId, 'preview-2016')).toMatchObject({
      profile: 'preview-2016',
      source: 'subscription',
    });

    const refused = await failure(storage.storageAccounts.validateMigration('archive01'));
    expect(refused).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(refused.message).toContain('has no separate Validate operation');

    const failed = await failure(storage.storageAccounts.prepareMigration('archive01'));
    expect(failed.error?.code).toBe('ValidationFailed');
    expect(failed.message).toContain(
      'Migration is not supported for Storage account archive01: storage accounts cannot be migrated yet.',
    );
    expect((await storage.storageAccounts.get('archive01')).storageAccount.migrationState).toBeUndefined();

    await setProfile(subscriptionId, 'ga');
    expect((await storage.storageAccounts.validateMigration('archive01')).validateStorageMessages).toEqual(
      [],
    );
    expect((await storage.storageAccounts.prepareMigration('archive01')).status).toBe('Succeeded');
  });
});
