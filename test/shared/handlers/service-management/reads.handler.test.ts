/**
 * The Service Management GETs: MigrationState from the scope covering each resource (transitional states
 * included), the detail switches, and Get Operation Status for migrations and management-plane writes.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import type { OperationRecord } from '../../../../shared/contracts/operation-record';
import { scopeKey } from '../../../../shared/domain/scope/scope';
import { getDeploymentBySlot } from '../../../../shared/handlers/service-management/deployment.handler';
import { getHostedService } from '../../../../shared/handlers/service-management/hosted-service.handler';
import { getNetworkSecurityGroups } from '../../../../shared/handlers/service-management/network-resources.handler';
import { getServiceManagementOperation } from '../../../../shared/handlers/service-management/operation-status.handler';
import { getRole } from '../../../../shared/handlers/service-management/role.handler';
import { getStorageServices } from '../../../../shared/handlers/service-management/storage-services.handler';
import { listVirtualNetworkSites } from '../../../../shared/handlers/service-management/virtual-network-sites.handler';
import type { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  aStorageAccount,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import type { TestServices } from '../../../support/test-services';
import { registeredSubscription } from './sm-handler-setup';
import { bodyText, smRequest } from './sm-request-builder';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;
const key = (kind: Parameters<typeof scopeKey>[0]['kind'], name: string) =>
  scopeKey({ subscriptionId, kind, name });

beforeEach(async () => {
  ({ services, entity, subscriptionId } = await registeredSubscription({
    virtualNetworks: [aVirtualNetwork({ name: 'corp' }), aVirtualNetwork({ name: 'quiet' })],
    cloudServices: [
      aCloudService({
        name: 'invnet',
        deployments: [
          aDeployment({ name: 'invnet', virtualNetworkName: 'corp', roles: [aVmRole({ name: 'vm1' })] }),
        ],
      }),
      aCloudService({ name: 'alone' }),
    ],
    storageAccounts: [aStorageAccount({ name: 'store1' }), aStorageAccount({ name: 'store2' })],
    networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
  }));
});

describe('Service Management GETs', () => {
  it('When the VNet holding a deployment is Preparing, then its roles show Preparing', async () => {
    entity.setState(key('virtualNetwork', 'corp'), 'Preparing');
    const response = await getDeploymentBySlot(
      services,
      entity,
      smRequest('GET', `/${subscriptionId}/services/hostedservices/invnet/deploymentslots/Production`, {
        subscriptionId,
        serviceName: 'invnet',
        slot: 'Production',
      }),
    );
    expect(response.status).toBe(200);
    expect(bodyText(response)).toContain('<MigrationState>Preparing</MigrationState>');
  });

  it("When a deployment's own cloud service scope never had an operation, then its roles show no MigrationState even if a VNet is locked", async () => {
    entity.setState(key('virtualNetwork', 'corp'), 'Prepared');
    const response = await getRole(
      services,
      entity,
      smRequest('GET', `/${subscriptionId}/services/hostedservices/alone/deployments/alone/roles/vm1`, {
        subscriptionId,
        serviceName: 'alone',
        deploymentName: 'alone',
        roleName: 'vm1',
      }),
    );
    expect(bodyText(response)).toMatch(
      /^<PersistentVMRole xmlns="http:\/\/schemas.microsoft.com\/windowsazure"/,
    );
    expect(bodyText(response)).not.toContain('MigrationState');
  });

  it('When a hosted service is read with and without embed-detail, then only the detailed form lists its deployments', async () => {
    entity.setState(key('cloudService', 'alone'), 'Committing');
    const get = (query: string) =>
      getHostedService(
        services,
        entity,
        smRequest('GET', `/${subscriptionId}/services/hostedservices/alone${query}`, {
          subscriptionId,
          serviceName: 'alone',
        }),
      );
    expect(bodyText(await get(''))).not.toContain('<Deployments');
    const detailed = bodyText(await get('?embed-detail=true'));
    expect(detailed).toContain('<Deployments><Deployment>');
    expect(detailed).toContain('<MigrationState>Committing</MigrationState>');
  });

  it('When VNet sites are listed, then each shows its own scope state and a VNet never migrated shows none', async () => {
    entity.setState(key('virtualNetwork', 'corp'), 'AbortFailed');
    const body = bodyText(
      await listVirtualNetworkSites(
        services,
        entity,
        smRequest('GET', `/${subscriptionId}/services/networking/virtualnetwork`, { subscriptionId }),
      ),
    );
    expect(body.match(/<MigrationState>[A-Za-z]+<\/MigrationState>/g)).toEqual([
      '<MigrationState>AbortFailed</MigrationState>',
    ]);
    expect(body).toContain('<Name>quiet</Name>');
  });

  it('When a storage account is Aborting, then Get and List show it', async () => {
    entity.setState(key('storageAccount', 'store2'), 'Aborting');
    const one = await getStorageServices(
      services,
      entity,
      smRequest('GET', `/${subscriptionId}/services/storageservices/store2`, {
        subscriptionId,
        name: 'store2',
      }),
    );
    expect(bodyText(one)).toMatch(
      /^<StorageService .*<MigrationState>Aborting<\/MigrationState><\/StorageService>$/,
    );
    const all = await getStorageServices(
      services,
      entity,
      smRequest('GET', `/${subscriptionId}/services/storageservices`, { subscriptionId }),
    );
    expect(bodyText(all).match(/<MigrationState>/g)).toHaveLength(1);
  });

  it('When an NSG is read without and with detaillevel=Full, then only the full form carries its rules', async () => {
    const get = (query: string) =>
      getNetworkSecurityGroups(
        services,
        smRequest('GET', `/${subscriptionId}/services/networking/networksecuritygroups/nsg1${query}`, {
          subscriptionId,
          name: 'nsg1',
        }),
      );
    expect(bodyText(await get(''))).not.toContain('<Rules');
    expect(bodyText(await get('?detaillevel=Full'))).toContain('<Rules><Rule><Name>allow-rdp</Name>');
  });
});

describe('Get Operation Status', () => {
  const anOperation = (overrides: Partial<OperationRecord>): OperationRecord => ({
    operationId: crypto.randomUUID().replace(/-/g, ''),
    operation: 'prepare',
    scope: { subscriptionId, kind: 'virtualNetwork', name: 'corp' },
    scopeKey: key('virtualNetwork', 'corp'),
    status: 'Queued',
    options: {},
    requestedBy: 'me',
    source: 'serviceManagement',
    requestedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
  const getStatus = (requestId: string, subscription = subscriptionId) =>
    getServiceManagementOperation(
      services,
      smRequest('GET', `/${subscription}/operations/${requestId}`, {
        subscriptionId: subscription,
        requestId,
      }),
    );
  const guid = (id: string) => id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

  it('When the operation is queued, then it is InProgress without an HTTP status, its ID the request id as a GUID', async () => {
    const record = anOperation({});
    await services.operations.create(record);
    expect(bodyText(await getStatus(record.operationId))).toBe(
      `<Operation xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><ID>${guid(record.operationId)}</ID><Status>InProgress</Status></Operation>`,
    );
  });

  it('When the operation failed, then it is Failed with its HTTP status and Error', async () => {
    const record = anOperation({
      status: 'Failed',
      error: { code: 'ValidationFailed', message: 'Prepare stopped.', httpStatusCode: 400 },
    });
    await services.operations.create(record);
    expect(bodyText(await getStatus(record.operationId))).toContain(
      '<Status>Failed</Status><HttpStatusCode>400</HttpStatusCode><Error><Code>ValidationFailed</Code><Message>Prepare stopped.</Message></Error>',
    );
  });

  it('When a management-plane write is polled, then it is Succeeded with 200', async () => {
    const requestId = crypto.randomUUID().replace(/-/g, '');
    await services.managementOperations.record({
      requestId,
      subscriptionId,
      kind: 'CreateDeployment',
      target: 'svc/svc',
      status: 'Succeeded',
      httpStatusCode: 200,
      requestedBy: 'me',
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(bodyText(await getStatus(requestId))).toContain(
      '<Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode>',
    );
  });

  it('When the request id belongs to another subscription or to nobody, then it is 404 ResourceNotFound', async () => {
    const record = anOperation({});
    await services.operations.create(record);
    expect((await getStatus(record.operationId, uniqueSubscriptionId())).status).toBe(404);
    expect((await getStatus('0123456789abcdef0123456789abcdef')).status).toBe(404);
  });
});
