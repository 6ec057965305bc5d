/**
 * The ARM read API: resource groups, resources by group or subscription (all, or of one type), resource by
 * ID, in the JSON that `@azure/arm-resources`, `@azure/arm-compute` and `@azure/arm-network` parse, with
 * ARM's error bodies. Lists are paged: `{ value, nextLink? }`, where nextLink is this request's absolute URL
 * with an opaque `$skipToken`, as ARM's paging contract has it
 * (https://github.com/Azure/azure-resource-manager-rpc/blob/master/v1.0/resource-api-reference.md).
 * Writes to resources this service holds are refused: while Prepared, as Azure refused changes to
 * resources being migrated; after Commit, because this service serves the migrated resources read-only.
 */
import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { type ArmResource, type ResourceGroup } from '../domain/arm/arm-resource';
import type { ArmInventoryStore, StoredArmResource } from '../ports/inventory.port';
import {
  listArmResources,
  type ListArmResourcesQuery,
  type ListArmResourcesResult,
} from '../use-cases/arm/list-arm-resources';
import { json, jsonError } from './http-responses';

type Stores = { armInventory: ArmInventoryStore };
type ListDeps = Stores & { config: { armListPageSize: number } };

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

/**
 * A resource as the generic lists return it (GenericResourceExpanded): no properties; `provisioningState`
 * when `$expand` asks for it (createdTime and changedTime are not kept, so they stay out).
 */
function genericResourceView(
  stored: StoredArmResource,
  options: { withoutTags: boolean; provisioningState: boolean },
): Record<string, unknown> {
  const { id, name, type, location, tags, sku, kind } = stored.resource;
  return {
    id,
    name,
    type,
    location,
    ...(tags && !options.withoutTags ? { tags } : {}),
    ...(sku ? { sku } : {}),
    ...(kind ? { kind } : {}),
    ...(options.provisioningState ? { provisioningState: 'Succeeded' } : {}),
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

/** A query parameter by name, ignoring case (ARM's `$filter`, `$top`, `$skipToken` are case-insensitive). */
function queryValue(request: HttpRequest, name: string): string | undefined {
  for (const [key, value] of request.query.entries()) {
    if (key.toLowerCase() === name.toLowerCase()) return value;
  }
  return undefined;
}

/**
 * This request's absolute URL with `$skipToken` set: every other parameter is kept as the client sent it
 * (api-version, `$filter`, `$top`, `$expand`), so the SDK's `listNext`, which sends nextLink unchanged,
 * asks for the same list.
 */
function nextLinkOf(request: HttpRequest, skipToken: string): string {
  const url = new URL(request.url);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !/^(\$|%24)skiptoken=/i.test(part));
  // base64url needs no escaping in a query.
  kept.push(`$skipToken=${skipToken}`);
  return `${url.origin}${url.pathname}?${kept.join('&')}`;
}

function listQuery(deps: ListDeps, request: HttpRequest): ListArmResourcesQuery {
  const namespace = request.params.resourceProviderNamespace;
  const type = request.params.resourceType;
  return {
    subscriptionId: request.params.subscriptionId ?? '',
    resourceGroup: request.params.resourceGroupName,
    resourceType: namespace !== undefined && type !== undefined ? `${namespace}/${type}` : undefined,
    filter: queryValue(request, '$filter'),
    top: queryValue(request, '$top'),
    skipToken: queryValue(request, '$skipToken'),
    pageSize: deps.config.armListPageSize,
  };
}

function listResponse(
  request: HttpRequest,
  result: ListArmResourcesResult,
  view: (stored: StoredArmResource, withoutTags: boolean) => Record<string, unknown>,
): HttpResponseInit {
  switch (result.kind) {
    case 'page':
      return withHeaders(
        json(200, {
          value: result.resources.map((stored) => view(stored, result.withoutTags)),
          ...(result.nextSkipToken === undefined
            ? {}
            : { nextLink: nextLinkOf(request, result.nextSkipToken) }),
        }),
      );
    case 'resourceGroupNotFound':
      return groupNotFound(result.resourceGroup);
    case 'invalidFilter':
      // ARM's code and first sentence for a $filter it cannot take
      // (https://github.com/Azure/azure-sdk-for-net/issues/18748); the reason is ours.
      return withHeaders(
        jsonError(
          400,
          'InvalidFilterInQueryString',
          `Invalid $filter '${result.filter}' specified in the query string. Reason: ${result.reason}.`,
        ),
      );
    case 'invalidTop':
      // The code for a bad $top or $skipToken is ours: we found none documented for these lists.
      return withHeaders(
        jsonError(
          400,
          'InvalidQueryParameterValue',
          `Invalid $top '${result.top}' specified in the query string: a whole number of 1 or more is expected.`,
        ),
      );
    case 'invalidSkipToken':
      return withHeaders(
        jsonError(
          400,
          'InvalidQueryParameterValue',
          'Invalid $skipToken specified in the query string: follow the nextLink of the previous page unchanged.',
        ),
      );
  }
}

/** `GET /subscriptions/{sub}/resources` and `…/resourceGroups/{rg}/resources`: every type, generic view. */
async function listGenericResources(deps: ListDeps, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const result = await listArmResources(deps, listQuery(deps, request));
  const provisioningState = (queryValue(request, '$expand') ?? '')
    .split(',')
    .some((member) => member.trim().toLowerCase() === 'provisioningstate');
  return listResponse(request, result, (stored, withoutTags) =>
    genericResourceView(stored, { withoutTags, provisioningState }),
  );
}

/** `GET /subscriptions/{sub}[/resourceGroups/{rg}]/resources`: the generic lists, of a group or the subscription. */
export function listResources(deps: ListDeps, request: HttpRequest): Promise<HttpResponseInit> {
  return listGenericResources(deps, request);
}

/**
 * `GET /subscriptions/{sub}[/resourceGroups/{rg}]/providers/{namespace}/{type}`: the typed lists
 * (`networkInterfaces.list`/`listAll`, `virtualMachines.list`/`listAll`, …), each resource as its single GET
 * returns it. A type nothing here holds lists empty, as a registered type without resources does in Azure.
 */
export async function listResourcesOfType(deps: ListDeps, request: HttpRequest): Promise<HttpResponseInit> {
  const missing = missingApiVersion(request);
  if (missing) return missing;
  const result = await listArmResources(deps, listQuery(deps, request));
  return listResponse(request, result, (stored) => resourceView(stored.resource));
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
