/**
 * The ARM read API: resource groups, resources by group, resource by ID, in the JSON that
 * `@azure/arm-resources`, `@azure/arm-compute` and `@azure/arm-network` parse, with ARM's error bodies.
 * Writes to resources this service holds are refused: while Prepared, as Azure refused changes to
 * resources being migrated; after Commit, because this service serves the migrated resources read-only.
 */
import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { type ArmResource, type ResourceGroup } from '../domain/arm/arm-resource';
import type { ArmInventoryStore, StoredArmResource } from '../ports/inventory.port';
import { json, jsonError } from './http-responses';

type Stores = { armInventory: ArmInventoryStore };

function armHeaders(): Record<string, string> {
  const id = randomUUID();
  return { 'x-ms-request-id': id, 'x-ms-correlation-request-id': id };
}

function withHeaders(response: HttpResponseInit): HttpResponseInit {
  return { ...response, headers: { ...(response.headers as Record<string, string>), ...armHeaders() } };
}

/** ARM demands an api-version on every call; the value selects nothing here (one stored representation). */
function missingApiVersion(request: HttpRequest): HttpResponseInit | undefined {
  if (request.query.get('api-version')) return undefined;
  return withHeaders(
    jsonError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    ),
  );
}

export function resourceGroupView(group: ResourceGroup): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    ...(group.tags ? { tags: group.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

/** A resource as ARM GET returns it: no template-only fields, a provisioning state. */
export function resourceView(resource: ArmResource): Record<string, unknown> {
  const { apiVersion: _apiVersion, dependsOn: _dependsOn, ...rest } = resource;
  return { ...rest, properties: { provisioningState: 'Succeeded', ...resource.properties } };
}

function genericResourceView(stored: StoredArmResource): Record<string, unknown> {
  const { id, name, type, location, tags, sku, kind } = stored.resource;
  return {
    id,
    name,
    type,
    location,
    ...(tags ? { tags } : {}),
    ...(sku ? { sku } : {}),
    ...(kind ? { kind } : {}),
  };
}

function groupNotFound(name: string): HttpResponseInit {
  return withHeaders(jsonError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`));
}

export async function listResourceGroups(stores: Stores, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const groups = await stores.armInventory.listResourceGroups(request.params.subscriptionId ?? '');
  return withHeaders(json(200, { value: groups.map(resourceGroupView) }));
}

export async function getResourceGroup(stores: Stores, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const name = request.params.resourceGroupName ?? '';
  const group = await stores.armInventory.getResourceGroup(request.params.subscriptionId ?? '', name);
  return group ? withHeaders(json(200, resourceGroupView(group))) : groupNotFound(name);
}

export async function listResources(stores: Stores, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const subscriptionId = request.params.subscriptionId ?? '';
  const name = request.params.resourceGroupName ?? '';
  if (!(await stores.armInventory.getResourceGroup(subscriptionId, name))) return groupNotFound(name);
  const resources = await stores.armInventory.listResources(subscriptionId, name);
  return withHeaders(json(200, { value: resources.map(genericResourceView) }));
}

/** GET, PUT, PATCH or DELETE on `/subscriptions/{sub}/resourceGroups/{rg}/providers/{resourcePath}`. */
export async function resourceById(stores: Stores, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const subscriptionId = request.params.subscriptionId ?? '';
  const resourceGroup = request.params.resourceGroupName ?? '';
  const resourcePath = request.params.resourcePath ?? '';
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${resourcePath}`;
  const stored = await stores.armInventory.getResource(id);
  if (request.method === 'GET') {
    if (stored) return withHeaders(json(200, resourceView(stored.resource)));
    if (!(await stores.armInventory.getResourceGroup(subscriptionId, resourceGroup)))
      return groupNotFound(resourceGroup);
    const [namespace = '', ...rest] = resourcePath.split('/');
    return withHeaders(
      jsonError(
        404,
        'ResourceNotFound',
        `The Resource '${namespace}/${rest.join('/')}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      ),
    );
  }
  if (stored?.phase === 'Prepared') {
    // Azure's text for resources still being migrated (MicrosoftDocs/azure-docs#114342, paraphrased there).
    return withHeaders(
      jsonError(
        409,
        'OperationNotAllowed',
        `Operation is not allowed on resource '${stored.resource.id}' because it's being migrated from Classic (v1 APIs) to Azure Resource Manager (v2 API). Commit or abort the migration first.`,
      ),
    );
  }
  return withHeaders(
    jsonError(
      405,
      'MethodNotAllowed',
      `This service serves migrated resources read-only; ${request.method} is not supported here. Manage the resource in Azure Resource Manager.`,
    ),
  );
}
