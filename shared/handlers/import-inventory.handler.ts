/**
 * `POST /api/inventory/import?subscriptionId=…[&cloudService=…]` with one Service Management XML document
 * → 200 with what was imported, or 4xx naming the problem (and the element path for bad XML).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { ServiceManagementErrorCode } from '../adapters/service-management';
import type { Services } from '../composition';
import { importInventory } from '../use-cases/import-inventory';
import { json, jsonError } from './http-responses';
import { callerOf, subscriptionOf } from './request-context';

const statusOf: Record<ServiceManagementErrorCode, number> = {
  DocumentTooLarge: 413,
  DocumentTooDeep: 400,
  DtdNotAllowed: 400,
  MalformedXml: 400,
  UnsupportedDocument: 415,
  InvalidDocument: 422,
  CloudServiceNameRequired: 400,
};

export async function importInventoryHandler(
  services: Services,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType !== '' && !/xml|text\/plain/i.test(contentType)) {
    return jsonError(
      415,
      'UnsupportedMediaType',
      `Send one Service Management XML document with Content-Type application/xml (got '${contentType}').`,
    );
  }
  const xml = await request.text();
  if (xml.trim() === '')
    return jsonError(
      400,
      'EmptyBody',
      'The request body is empty. Send one Service Management XML document.',
    );
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const cloudServiceName = request.query.get('cloudService') ?? undefined;
  const result = await importInventory(
    {
      classicInventory: services.classicInventory,
      defaultSubscriptionId: services.config.defaultSubscriptionId,
    },
    { subscriptionId, xml, ...(cloudServiceName ? { cloudServiceName } : {}) },
  );
  if (!result.ok) {
    const { code, message, path, line, column } = result.error;
    const where = path ? ` (at ${path}${line ? `, line ${line}${column ? `:${column}` : ''}` : ''})` : '';
    return jsonError(
      statusOf[code],
      code,
      `${message}${where}`,
      path ? [{ code, target: path, message }] : undefined,
    );
  }
  await services.audit.append({
    at: services.clock.now().toISOString(),
    // Imports are not about one scope: they are audited under the subscription's inventory partition.
    scopeKey: `inventory_${subscriptionId.toLowerCase()}`,
    actor: callerOf(request),
    source: 'api',
    action: 'import',
    outcome: 'Succeeded',
    detail: `${result.kind}: ${JSON.stringify(result.counts)}`,
  });
  return json(200, {
    subscriptionId,
    kind: result.kind,
    counts: result.counts,
    notes: result.notes,
    ignoredMigrationStates: result.ignoredMigrationStates,
  });
}
