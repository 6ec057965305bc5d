/**
 * A subscription's migration (validation) profile (Admin):
 * `GET /api/subscriptions/{subscriptionId}/migration-profile` → 200 the profile in force (`source`
 * `subscription` when an Admin set it, `default` otherwise);
 * `PUT …` with `{ "profile": "ga" | "preview-2016" }` → 200 the profile now in force;
 * `DELETE …` → 204, back to the default (404 `MigrationProfileNotSet` when none was set).
 *
 * The subscription's migrations then run under it on every surface, unless a request names its own
 * (shared/use-cases/migration-profile.ts).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { migrationProfileBodySchema } from '../contracts/migration-profile';
import {
  clearMigrationProfile,
  getMigrationProfile,
  setMigrationProfile,
} from '../use-cases/migration-profile';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { callerOf } from './request-context';

const subscriptionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'use a subscription id (a GUID)');

export async function migrationProfileHandler(
  services: Services,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const subscriptionId = subscriptionIdSchema.safeParse(request.params.subscriptionId);
  if (!subscriptionId.success) return invalidInput('subscription id', subscriptionId.error);
  if (request.method === 'GET') return json(200, await getMigrationProfile(services, subscriptionId.data));
  if (request.method === 'DELETE') {
    return (await clearMigrationProfile(services, subscriptionId.data, callerOf(request)))
      ? { status: 204 }
      : jsonError(
          404,
          'MigrationProfileNotSet',
          `Subscription ${subscriptionId.data} has no migration profile of its own; it runs under the default.`,
        );
  }
  const body = await readJsonBody(request);
  if (body === undefined)
    return jsonError(400, 'InvalidJson', 'The request body is not valid JSON. Send { "profile": "ga" }.');
  const parsed = migrationProfileBodySchema.safeParse(body);
  if (!parsed.success) return invalidInput('migration profile', parsed.error);
  return json(
    200,
    await setMigrationProfile(services, subscriptionId.data, parsed.data.profile, callerOf(request)),
  );
}
