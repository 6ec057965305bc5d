/**
 * Management-plane writes at the Service Management edge: refused in every locked state, transitional
 * ones included, with the exact error body; applied and recorded otherwise.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { type MigrationState, migrationStates } from '../../../../shared/domain/migration/migration-state';
import { scopeKey } from '../../../../shared/domain/scope/scope';
import { networkConfiguration } from '../../../../shared/handlers/service-management/network-configuration.handler';
import { roleInstanceOperation } from '../../../../shared/handlers/service-management/role-operations.handler';
import type { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aCloudService, aVirtualNetwork } from '../../../fixtures/classic-builders';
import type { TestServices } from '../../../support/test-services';
import { registeredSubscription } from './sm-handler-setup';
import { bodyText, header, smRequest } from './sm-request-builder';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;

beforeEach(async () => {
  ({ services, entity, subscriptionId } = await registeredSubscription({
    virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
    cloudServices: [aCloudService({ name: 'svc1' })],
  }));
});

/** A role instance operation on svc1/vm1 with `body` as the request body. */
const roleOperation = (body: string) =>
  roleInstanceOperation(
    services,
    entity,
    smRequest(
      'POST',
      `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/roleinstances/vm1/Operations`,
      { subscriptionId, serviceName: 'svc1', deploymentName: 'svc1', instanceName: 'vm1' },
      body,
    ),
  );

const restart = () =>
  roleOperation(
    '<RestartRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"><OperationType>RestartRoleOperation</OperationType></RestartRoleOperation>',
  );

describe('Service Management writes and the lock', () => {
  const lockedStates = migrationStates.filter((state) => state !== 'None' && state !== 'Committed');

  it.each(lockedStates)(
    'When the cloud service scope is %s, then a VM restart is refused with the VM text',
    async (state: MigrationState) => {
      entity.setState(scopeKey({ subscriptionId, kind: 'cloudService', name: 'svc1' }), state);
      const response = await restart();
      expect(response.status).toBe(409);
      expect(bodyText(response)).toBe(
        '<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>ConflictError</Code><Message>Management operations on VM are disallowed because migration is in progress</Message></Error>',
      );
    },
  );

  it.each(['None', 'Committed'] as const)(
    'When the cloud service scope is %s, then a VM restart is applied and recorded under its request id',
    async (state) => {
      entity.setState(scopeKey({ subscriptionId, kind: 'cloudService', name: 'svc1' }), state);
      const response = await restart();
      expect(response.status).toBe(202);
      const requestId = header(response, 'x-ms-request-id') ?? '';
      expect(await services.managementOperations.get(requestId)).toMatchObject({
        kind: 'RestartRoleOperation',
        target: 'svc1/svc1/vm1',
        status: 'Succeeded',
        subscriptionId,
      });
    },
  );

  it('When a body is not a role operation, then it is 400 BadRequest and nothing is recorded', async () => {
    const response = await roleOperation(
      '<CaptureRoleOperation xmlns="http://schemas.microsoft.com/windowsazure"/>',
    );
    expect(response.status).toBe(400);
    expect(
      await services.managementOperations.get(header(response, 'x-ms-request-id') ?? ''),
    ).toBeUndefined();
  });

  it('When a netcfg with a DTD is sent, then it is refused before parsing with 400 BadRequest', async () => {
    const response = await networkConfiguration(
      services,
      entity,
      smRequest(
        'PUT',
        `/${subscriptionId}/services/networking/media`,
        { subscriptionId },
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"/>',
      ),
    );
    expect(response.status).toBe(400);
    expect(bodyText(response)).toContain('<Code>BadRequest</Code>');
  });
});
