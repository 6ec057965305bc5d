/**
 * The ARM resource provider `Microsoft.ClassicInfrastructureMigrate` (D6/D7): every
 * migration call needs the subscription registered for it
 * (`Register-AzResourceProvider -ProviderNamespace Microsoft.ClassicInfrastructureMigrate`,
 * `azure provider register Microsoft.ClassicInfrastructureMigrate`).
 *
 * - `GET  /subscriptions/{sub}/providers/Microsoft.ClassicInfrastructureMigrate?api-version=…` → the provider
 *   with `registrationState` `Registered` or `NotRegistered`;
 * - `POST …/Microsoft.ClassicInfrastructureMigrate/register?api-version=…` (and `/unregister`) → sets
 *   `subscription.registeredForMigration` in the Classic inventory and answers with the provider.
 *
 * Azure answered `Registering` first and `Registered` about five minutes later; here it is immediate.
 * The resource type's API version and the refusal to unregister the default (demo) subscription, which is
 * always registered, are our choices.
 */
import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import {
  isRegisteredForMigration,
  setRegisteredForMigration,
} from '../use-cases/service-management/migration-registration';
import { json, jsonError } from './http-responses';

export const migrationProviderNamespace = 'Microsoft.ClassicInfrastructureMigrate';

type Deps = Pick<Services, 'classicInventory' | 'config'>;

export async function migrationProvider(deps: Deps, request: HttpRequest): Promise<HttpResponseInit> {
  if (!request.query.get('api-version')) {
    return withArmHeaders(
      jsonError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      ),
    );
  }
  const subscriptionId = request.params.subscriptionId ?? '';
  const action = request.params.action?.toLowerCase();
  if (request.method === 'GET' && action === undefined) {
    return withArmHeaders(
      json(200, providerView(subscriptionId, await isRegisteredForMigration(deps, subscriptionId))),
    );
  }
  if (request.method !== 'POST' || (action !== 'register' && action !== 'unregister')) {
    return withArmHeaders(
      jsonError(
        404,
        'InvalidResourceType',
        `The resource type '${request.params.action ?? ''}' could not be found in the namespace '${migrationProviderNamespace}'.`,
      ),
    );
  }
  const register = action === 'register';
  if (!register && subscriptionId.toLowerCase() === deps.config.defaultSubscriptionId.toLowerCase()) {
    return withArmHeaders(
      jsonError(
        409,
        'DefaultSubscriptionAlwaysRegistered',
        `Subscription ${subscriptionId} is this service's default (demo) subscription, which is always registered for migration. Use another subscription id to try an unregistered one.`,
      ),
    );
  }
  const registered = await setRegisteredForMigration(deps, subscriptionId, register);
  return withArmHeaders(json(200, providerView(subscriptionId, registered)));
}

/** The provider as ARM's Providers API returns it (`@azure/arm-resources` `Provider`). */
export function providerView(subscriptionId: string, registered: boolean): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/providers/${migrationProviderNamespace}`,
    namespace: migrationProviderNamespace,
    registrationState: registered ? 'Registered' : 'NotRegistered',
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: [
      {
        resourceType: 'classicInfrastructureResources',
        locations: [],
        apiVersions: ['2015-06-15'],
      },
    ],
  };
}

function withArmHeaders(response: HttpResponseInit): HttpResponseInit {
  const id = randomUUID();
  return {
    ...response,
    headers: {
      ...(response.headers as Record<string, string>),
      'x-ms-request-id': id,
      'x-ms-correlation-request-id': id,
    },
  };
}
