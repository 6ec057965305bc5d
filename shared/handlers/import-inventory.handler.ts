/**
 * `POST /api/inventory/import?subscriptionId=…[&cloudService=…][&virtualNetwork=…][&serviceKey=…][&location=…][&document=…]`
 * with one document: Service Management XML, or a document of facts Service Management does not carry
 * (ARM lists as REST or `az … -o json` return them, usage lists, a few more XML documents; see
 * docs/estate-facts.md), told apart by content → 200 with what was imported, or 4xx naming the problem
 * (and the element path for bad XML). `document` names the document (its file name) in the facts'
 * provenance; the other parameters say what some documents carry only in their URL.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { importInventory } from '../use-cases/import-inventory';
import type { ImportErrorCode } from '../use-cases/inventory-documents';
import { json, jsonError } from './http-responses';
import { callerOf, subscriptionOf } from './request-context';

const statusOf: Record<ImportErrorCode, number> = {
  DocumentTooLarge: 413,
  DocumentTooDeep: 400,
  DtdNotAllowed: 400,
  MalformedXml: 400,
  MalformedJson: 400,
  UnsupportedDocument: 415,
  UnrecognisedDocument: 400,
  InvalidDocument: 422,
  InvalidFactDocument: 422,
  CloudServiceNameRequired: 400,
  VirtualNetworkNameRequired: 400,
  ServiceKeyRequired: 400,
  LocationRequired: 400,
};

export async function importInventoryHandler(
  services: Services,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType !== '' && !/xml|json|text\/plain/i.test(contentType)) {
    return jsonError(
      415,
      'UnsupportedMediaType',
      `Send one document with Content-Type application/xml or application/json (got '${contentType}').`,
    );
  }
  const body = await request.text();
  if (body.trim() === '')
    return jsonError(
      400,
      'EmptyBody',
      'The request body is empty. Send one Service Management XML document or one estate-facts document.',
    );
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const query = (name: string) => request.query.get(name)?.trim() || undefined;
  const context = {
    cloudServiceName: query('cloudService'),
    virtualNetworkName: query('virtualNetwork'),
    serviceKey: query('serviceKey'),
    location: query('location'),
    documentName: query('document'),
  };
  const result = await importInventory(
    {
      classicInventory: services.classicInventory,
      defaultSubscriptionId: services.config.defaultSubscriptionId,
    },
    {
      subscriptionId,
      body,
      importedAt: services.clock.now().toISOString(),
      ...Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)),
    },
  );
  if (!result.ok) {
    const { code, message, path } = result.error;
    const { line, column } = 'line' in result.error ? result.error : { line: undefined, column: undefined };
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
    detail:
      result.facts > 0
        ? `${result.kind}: ${result.facts} fact(s)${context.documentName ? ` from ${context.documentName}` : ''}`
        : `${result.kind}: ${JSON.stringify(result.counts)}`,
  });
  return json(200, {
    subscriptionId,
    kind: result.kind,
    counts: result.counts,
    facts: result.facts,
    notes: result.notes,
    ignoredMigrationStates: result.ignoredMigrationStates,
  });
}
