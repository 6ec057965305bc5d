/**
 * The Service Management migration verbs under the subscription's migration profile (they carry no
 * profile of their own), with the real stores on Azurite, the scope entity in memory and the phase queues
 * recorded: under the 2016 preview `comp=validate` is refused (the preview had no Validate operation) and
 * `comp=prepare` validates first with the preview's rules.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { scopeKey } from '../../../../shared/domain/scope/scope';
import {
  deploymentMigration,
  storageMigration,
} from '../../../../shared/handlers/service-management/migration.handler';
import { setMigrationProfile } from '../../../../shared/use-cases/migration-profile';
import type { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import {
  aCloudService,
  aDeployment,
  anExtension,
  aRoleInstance,
  aStorageAccount,
} from '../../../fixtures/classic-builders';
import { lastQueued, runQueuedPhase } from '../../../support/run-queued-phase';
import type { TestServices } from '../../../support/test-services';
import { aVm } from '../../domain/validation/rule-cases/estate';
import { registeredSubscription } from './sm-handler-setup';
import { bodyText, header, smRequest } from './sm-request-builder';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;

beforeEach(async () => {
  ({ services, entity, subscriptionId } = await registeredSubscription({
    storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'archive01' })],
    cloudServices: [
      aCloudService({
        name: 'svc1',
        deployments: [
          aDeployment({
            name: 'svc1',
            roles: [
              aVm('vm1', {
                extensions: [
                  anExtension({
                    publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery',
                    name: 'WindowsAgent',
                  }),
                ],
              }),
            ],
            roleInstances: [
              aRoleInstance({
                roleName: 'vm1',
                extensionStatuses: [
                  {
                    handlerName: 'Microsoft.Azure.RecoveryServices.SiteRecovery.WindowsAgent',
                    status: 'Ready',
                  },
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  }));
});

const storageVerb = (comp: string) =>
  storageMigration(
    services,
    entity,
    smRequest('POST', `/${subscriptionId}/services/storageservices/archive01/migration?comp=${comp}`, {
      subscriptionId,
      name: 'archive01',
    }),
  );

const deploymentVerb = (comp: string) =>
  deploymentMigration(
    services,
    entity,
    smRequest(
      'POST',
      `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/migration?comp=${comp}`,
      { subscriptionId, serviceName: 'svc1', deploymentName: 'svc1' },
      '<DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure"><DestinationVirtualNetwork>New</DestinationVirtualNetwork></DeploymentNetworkResource>',
    ),
  );

const underPreview = () => setMigrationProfile(services, subscriptionId, 'preview-2016', 'admin@contoso.com');

describe('Service Management migration verbs under the subscription’s migration profile', () => {
  it('When the subscription runs under preview-2016, then comp=validate is 400 BadRequest naming Prepare, and is audited', async () => {
    await underPreview();

    const response = await storageVerb('validate');

    expect(response.status).toBe(400);
    expect(bodyText(response)).toContain('<Code>BadRequest</Code>');
    expect(bodyText(response)).toContain(
      'has no separate Validate operation: Prepare validates first and, when validation fails, changes nothing.',
    );
    expect(header(response, 'x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(services.messages.sent).toEqual([]);
    const audit = await services.audit.listByScope(
      scopeKey({ subscriptionId, kind: 'storageAccount', name: 'archive01' }),
      1,
    );
    expect(audit[0]).toMatchObject({ action: 'validate', outcome: 'Rejected: NoSeparateValidate' });
  });

  it('When the subscription runs under ga (the default), then the same comp=validate answers 200 with its messages', async () => {
    const response = await deploymentVerb('validate');

    expect(response.status).toBe(200);
    expect(bodyText(response)).toContain('of Azure Site Recovery. The VM and its storage will be migrated');
    expect(bodyText(response)).toContain('<Category>Warning</Category>');
  });

  it('When a storage account is prepared under preview-2016, then the request is accepted and its operation fails with the preview’s refusal', async () => {
    await underPreview();

    const response = await storageVerb('prepare');

    expect(response.status).toBe(202);
    expect(lastQueued(services, 'prepare').options).toEqual({ profile: 'preview-2016' });
    const record = await runQueuedPhase(services, entity, 'prepare');
    expect(record).toMatchObject({
      status: 'Failed',
      error: { code: 'ValidationFailed', httpStatusCode: 400 },
    });
    expect(record?.findings).toEqual([
      expect.objectContaining({
        code: 'STORAGE_ACCOUNT_MIGRATION_NOT_SUPPORTED',
        message:
          'Migration is not supported for Storage account archive01: storage accounts cannot be migrated yet.',
      }),
    ]);
  });

  it('When a cloud service whose VM Azure Site Recovery protects is prepared under preview-2016, then its operation fails; under ga it is prepared', async () => {
    await underPreview();
    expect((await deploymentVerb('prepare')).status).toBe(202);
    const refused = await runQueuedPhase(services, entity, 'prepare');

    expect(refused).toMatchObject({ status: 'Failed', error: { code: 'ValidationFailed' } });
    expect(refused?.findings?.map((finding) => [finding.code, finding.severity])).toContainEqual([
      'VM_SITE_RECOVERY_NOT_SUPPORTED',
      'Error',
    ]);

    await setMigrationProfile(services, subscriptionId, 'ga', 'admin@contoso.com');
    expect((await deploymentVerb('prepare')).status).toBe(202);
    expect(await runQueuedPhase(services, entity, 'prepare')).toMatchObject({ status: 'Succeeded' });
  });
});
