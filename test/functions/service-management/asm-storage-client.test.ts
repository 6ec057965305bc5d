/**
 * The real `azure-asm-storage` client (0.12.1) driving storage account migrations against the dev host
 * (D6, C4): MigrationState on Get/List Storage Accounts, the recorded not-found answers.
 */
import { describe, expect, it } from 'vitest';

import { aStorageAccount } from '../../fixtures/classic-builders';
import { failure } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';

const sm = useServiceManagementHost();

describe('azure-asm-storage: storage account migration', () => {
  it('When a storage account holding only data is migrated, then Get and List show it Prepared until Commit removes it', async () => {
    const { storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount({ name: 'archive01' })],
    });

    expect((await storage.storageAccounts.validateMigration('archive01')).validateStorageMessages).toEqual(
      [],
    );
    expect((await storage.storageAccounts.get('archive01')).storageAccount.migrationState).toBeUndefined();

    expect((await storage.storageAccounts.prepareMigration('archive01')).status).toBe('Succeeded');
    expect((await storage.storageAccounts.get('archive01')).storageAccount.migrationState).toBe('Prepared');
    const listed = await storage.storageAccounts.list();
    expect(listed.storageAccounts.map((account) => [account.name, account.migrationState])).toEqual([
      ['archive01', 'Prepared'],
    ]);

    expect((await storage.storageAccounts.commitMigration('archive01')).status).toBe('Succeeded');
    expect((await storage.storageAccounts.list()).storageAccounts).toEqual([]);
  });

  it('When a prepared storage account is aborted, then it shows MigrationState None', async () => {
    const { storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount({ name: 'archive02' })],
    });
    await storage.storageAccounts.prepareMigration('archive02');

    expect((await storage.storageAccounts.abortMigration('archive02')).status).toBe('Succeeded');
    expect((await storage.storageAccounts.get('archive02')).storageAccount.migrationState).toBe('None');
  });

  it('When the storage account does not exist, then Validate answers with a message and Prepare with 404 ResourceNotFound', async () => {
    const { storage } = await sm.subscriptionWith({});
    const text = "The storage account '123' was not found.";

    expect((await storage.storageAccounts.validateMigration('123')).validateStorageMessages).toEqual([
      { resourceType: 'Storage', resourceName: '123', category: 'Error', message: text },
    ]);
    const error = await failure(storage.storageAccounts.prepareMigration('123'));
    expect(error).toMatchObject({ code: 'ResourceNotFound', statusCode: 404, message: text });
  });

  it('When a started operation is polled with the storage client, then getOperationStatus reports it with the request id as a GUID', async () => {
    const { storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount({ name: 'archive04' })],
    });
    const accepted = await storage.storageAccounts.beginPrepareMigration('archive04');
    expect(accepted).toMatchObject({ statusCode: 202, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });

    let status = await storage.getOperationStatus(accepted.requestId);
    for (let polls = 0; status.status === 'InProgress' && polls < 600; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await storage.getOperationStatus(accepted.requestId);
    }
    const guid = accepted.requestId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(status).toMatchObject({ id: guid, status: 'Succeeded', httpStatusCode: '200' });
  });
});
