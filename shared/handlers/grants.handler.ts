/**
 * Per-subscription grants (Admin): `GET /api/admin/grants[?principalId=]`,
 * `PUT /api/admin/grants/{principalId}/{subscriptionId}` (`*` = every subscription),
 * `DELETE /api/admin/grants/{principalId}/{subscriptionId}`.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { grantSubscription, listGrants, revokeSubscription } from '../use-cases/auth/manage-grants';
import { invalidInput, json, jsonError } from './http-responses';
import { callerOf } from './request-context';

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^(\*|[A-Za-z0-9-]+)$/, 'use an object id or subscription id (a GUID), or * for every subscription');

export async function grantsHandler(services: Services, request: HttpRequest): Promise<HttpResponseInit> {
  if (request.method === 'GET') {
    const principalId = request.query.get('principalId') ?? undefined;
    const grants = await listGrants(services, principalId);
    return json(200, { count: grants.length, value: grants, defaults: services.config.defaultSubscriptions });
  }
  const ids = z
    .object({
      principalId: idSchema.refine((id) => id !== '*', 'name one principal'),
      subscriptionId: idSchema,
    })
    .safeParse(request.params);
  if (!ids.success) return invalidInput('grant', ids.error);
  const { principalId, subscriptionId } = ids.data;
  if (request.method === 'PUT') {
    return json(200, await grantSubscription(services, principalId, subscriptionId, callerOf(request)));
  }
  return (await revokeSubscription(services, principalId, subscriptionId, callerOf(request)))
    ? { status: 204 }
    : jsonError(404, 'GrantNotFound', `${principalId} has no grant for subscription ${subscriptionId}.`);
}
