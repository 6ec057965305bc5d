/**
 * The migration verbs at the Service Management edge, with the real stores on Azurite, the scope entity in
 * memory and the phase queues recorded: status codes, bodies and the message each accepted verb queues.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { phaseQueues } from '../../../../shared/contracts/names';
import { scopeKey } from '../../../../shared/domain/scope/scope';
import {
  deploymentMigration,
  networkingMigration,
  storageMigration,
} from '../../../../shared/handlers/service-management/migration.handler';
import type { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aCloudService, aNetworkSecurityGroup, anInventory } from '../../../fixtures/classic-builders';
import type { TestServices } from '../../../support/test-services';
import { registeredSubscription } from './sm-handler-setup';
import { bodyText, header, smRequest } from './sm-request-builder';

const emptyValidationMessages =
  '<ValidationMessages xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;

beforeEach(async () => {
  ({ services, entity, subscriptionId } = await registeredSubscription({
    cloudServices: [aCloudService({ name: 'svc1' })],
    networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
  }));
});

const nsgVerb = (comp: string, name = 'nsg1') =>
  networkingMigration(
    services,
    entity,
    smRequest(
      'POST',
      `/${subscriptionId}/services/networking/networksecuritygroups/${name}/migration?comp=${comp}`,
      { subscriptionId, collection: 'networksecuritygroups', name },
    ),
  );

describe('Service Management migration verbs', () => {
  it('When an unattached NSG is validated, then the answer is the recorded empty ValidationMessages body', async () => {
    const response = await nsgVerb('validate');
    expect(response.status).toBe(200);
    expect(bodyText(response)).toBe(emptyValidationMessages);
    expect(header(response, 'content-type')).toBe('application/xml; charset=utf-8');
    expect(header(response, 'x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('When Prepare is accepted, then it answers 202 with no body and queues the operation under the request id', async () => {
    const response = await nsgVerb('Prepare');

    expect(response.status).toBe(202);
    expect(response.body).toBeUndefined();
    const requestId = header(response, 'x-ms-request-id');
    const key = scopeKey({ subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' });
    expect(services.messages.sent).toEqual([
      {
        entityName: phaseQueues.prepare,
        message: expect.objectContaining({
          messageId: requestId,
          sessionId: key,
          body: expect.objectContaining({
            operationId: requestId,
            operation: 'prepare',
            source: 'serviceManagement',
          }),
        }),
      },
    ]);
    expect(await services.operations.get(requestId ?? '')).toMatchObject({ status: 'Queued', scopeKey: key });
  });

  it('When the subscription is not registered, then every verb is refused with the documented BadRequest', async () => {
    await services.classicInventory.save(
      anInventory({ subscription: { id: subscriptionId, registeredForMigration: false } }),
    );
    for (const comp of ['validate', 'prepare', 'commit', 'abort']) {
      const response = await nsgVerb(comp);
      expect(response.status).toBe(400);
      expect(bodyText(response)).toBe(
        '<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>BadRequest</Code><Message>Subscription is not registered for migration.</Message></Error>',
      );
    }
    expect(services.messages.sent).toEqual([]);
  });

  it('When the NSG does not exist, then Prepare is 404 ResourceNotFound (our text) and nothing is queued', async () => {
    const response = await nsgVerb('prepare', 'ghost');
    expect(response.status).toBe(404);
    expect(bodyText(response)).toContain(
      "<Code>ResourceNotFound</Code><Message>The network security group 'ghost' was not found.</Message>",
    );
    expect(services.messages.sent).toEqual([]);
  });

  it('When Abort is asked once Commit has started, then it is refused with 409 ConflictError and the state machine text', async () => {
    entity.setState(scopeKey({ subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' }), 'Committing');
    const response = await nsgVerb('abort');
    expect(response.status).toBe(409);
    expect(bodyText(response)).toContain('<Code>ConflictError</Code>');
    expect(bodyText(response)).toContain('Commit has been started');
  });

  it('When Prepare is asked of a scope already Prepared, then it is accepted (the phase answers it as a no-op)', async () => {
    entity.setState(scopeKey({ subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' }), 'Prepared');
    expect((await nsgVerb('prepare')).status).toBe(202);
  });

  it('When comp is not a migration verb, then it is 400 BadRequest', async () => {
    const response = await nsgVerb('migrate');
    expect(response.status).toBe(400);
    expect(bodyText(response)).toContain('<Code>BadRequest</Code>');
  });

  it('When the networking collection is unknown, then it is 404 ResourceNotFound', async () => {
    const response = await networkingMigration(
      services,
      entity,
      smRequest('POST', `/${subscriptionId}/services/networking/gateways/g/migration?comp=validate`, {
        subscriptionId,
        collection: 'gateways',
        name: 'g',
      }),
    );
    expect(response.status).toBe(404);
  });

  it('When a deployment body is not well-formed, then it is 400 BadRequest naming the element path', async () => {
    const response = await deploymentMigration(
      services,
      entity,
      smRequest(
        'POST',
        `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/migration?comp=prepare`,
        { subscriptionId, serviceName: 'svc1', deploymentName: 'svc1' },
        '<DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure"><DestinationVirtualNetwork>New</DeploymentNetworkResource>',
      ),
    );
    expect(response.status).toBe(400);
    expect(bodyText(response)).toContain('/DeploymentNetworkResource/DestinationVirtualNetwork');
  });

  it('When a deployment is validated without a body, then New is assumed and the messages come back', async () => {
    const response = await deploymentMigration(
      services,
      entity,
      smRequest(
        'POST',
        `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/migration?comp=validate`,
        {
          subscriptionId,
          serviceName: 'svc1',
          deploymentName: 'svc1',
        },
      ),
    );
    expect(response.status).toBe(200);
    expect(bodyText(response)).toBe(emptyValidationMessages);
  });

  it('When a storage account does not exist, then Commit is 404 with the recorded text', async () => {
    const response = await storageMigration(
      services,
      entity,
      smRequest('POST', `/${subscriptionId}/services/storageservices/123/migration?comp=commit`, {
        subscriptionId,
        name: '123',
      }),
    );
    expect(response.status).toBe(404);
    expect(bodyText(response)).toContain("<Message>The storage account '123' was not found.</Message>");
  });
});
