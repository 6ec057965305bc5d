import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { migrationProvider } from '../../../shared/handlers/arm-migration-provider.handler';
import { uniqueSubscriptionId } from '../../support/storage';
import { testServices } from '../../support/test-services';

const services = testServices();
const call = (method: string, subscriptionId: string, action?: string, apiVersion = '2016-09-01') =>
  migrationProvider(
    services,
    new HttpRequest({
      method,
      url: `http://localhost/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate${action ? `/${action}` : ''}${apiVersion ? `?api-version=${apiVersion}` : ''}`,
      params: { subscriptionId, ...(action ? { action } : {}) },
    }),
  );
const stateOf = (response: { jsonBody?: unknown }) =>
  (response.jsonBody as { registrationState?: string }).registrationState;

describe('Microsoft.ClassicInfrastructureMigrate registration', () => {
  it('When a new subscription registers, then the provider goes from NotRegistered to Registered, and back when it unregisters', async () => {
    const subscriptionId = uniqueSubscriptionId();
    expect(stateOf(await call('GET', subscriptionId))).toBe('NotRegistered');

    const registered = await call('POST', subscriptionId, 'register');
    expect(registered.status).toBe(200);
    expect(registered.jsonBody).toMatchObject({
      id: `/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate`,
      namespace: 'Microsoft.ClassicInfrastructureMigrate',
      registrationState: 'Registered',
      resourceTypes: [expect.objectContaining({ resourceType: 'classicInfrastructureResources' })],
    });
    expect(stateOf(await call('GET', subscriptionId))).toBe('Registered');
    expect((await services.classicInventory.load(subscriptionId)).subscription.registeredForMigration).toBe(
      true,
    );

    expect(stateOf(await call('POST', subscriptionId, 'unregister'))).toBe('NotRegistered');
  });

  it('When the default subscription is read, then it is Registered and cannot be unregistered', async () => {
    const defaultSubscription = services.config.defaultSubscriptionId;
    expect(stateOf(await call('GET', defaultSubscription))).toBe('Registered');
    expect((await call('POST', defaultSubscription, 'unregister')).status).toBe(409);
  });

  it('When api-version is missing, then ARM answers 400 MissingApiVersionParameter', async () => {
    const response = await call('GET', uniqueSubscriptionId(), undefined, '');
    expect(response.status).toBe(400);
    expect(response.jsonBody).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
  });
});
