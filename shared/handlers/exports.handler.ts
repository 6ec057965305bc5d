/**
 * Exports:
 * - `GET /api/exports/{scopeKind}/{name}/template?subscriptionId=…[&resourceGroup=…]` → an ARM deployment
 *   template per resource group (`{ source, resourceGroups: [{ name, location, template }] }`), or, with
 *   `resourceGroup`, that group's template alone as a download;
 * - `GET /api/exports/{scopeKind}/{name}/classic?subscriptionId=…` → the Classic configuration as the
 *   Service Management XML document a user would have downloaded.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { scopeNotFoundMessage } from '../domain/validation/scope-not-found';
import { exportArmTemplates, exportClassicConfiguration } from '../use-cases/export-scope';
import { json, jsonError } from './http-responses';
import { isScope, scopeOfRequest } from './scope-of-request';

export async function exportTemplates(services: Services, request: HttpRequest): Promise<HttpResponseInit> {
  const scope = scopeOfRequest(services, request);
  if (!isScope(scope)) return scope;
  const exported = await exportArmTemplates(services, scope);
  if (!exported) return jsonError(404, 'ResourceNotFound', scopeNotFoundMessage(scope));
  const wanted = request.query.get('resourceGroup');
  if (!wanted) return json(200, exported);
  const group = exported.resourceGroups.find((g) => g.name.toLowerCase() === wanted.toLowerCase());
  if (!group) {
    return jsonError(
      404,
      'ResourceGroupNotFound',
      `The scope has no resource group '${wanted}'. It has: ${exported.resourceGroups.map((g) => g.name).join(', ')}.`,
    );
  }
  return json(200, group.template, {
    'content-disposition': `attachment; filename="${group.name}.template.json"`,
  });
}

export async function exportClassic(services: Services, request: HttpRequest): Promise<HttpResponseInit> {
  const scope = scopeOfRequest(services, request);
  if (!isScope(scope)) return scope;
  const exported = await exportClassicConfiguration(services, scope);
  if (!exported) {
    return jsonError(
      404,
      'ResourceNotFound',
      `${scopeNotFoundMessage(scope)} (A committed scope is no longer in Classic; export its ARM template instead.)`,
    );
  }
  return {
    status: 200,
    body: exported.xml,
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${exported.fileName}"`,
    },
  };
}
