/**
 * The ARM read API's lists at the handler: typed lists by group and by subscription, the generic lists with
 * `$filter` and `$top`, and paging by nextLink, on the real Table store (Azurite).
 */
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { type ArmResource, armResourceId, resourceGroupId } from '../../../shared/domain/arm/arm-resource';
import { listResources, listResourcesOfType } from '../../../shared/handlers/arm-read.handler';
import { uniqueSubscriptionId } from '../../support/storage';
import { testServices } from '../../support/test-services';

const services = testServices();
const withPageSize = (armListPageSize: number) => ({
  ...services,
  config: { ...services.config, armListPageSize },
});

type ListBody = { value: Record<string, unknown>[]; nextLink?: string };
type ErrorBody = { error: { code: string; message: string } };

function aResource(
  sub: string,
  group: string,
  type: string,
  name: string,
  extra: Partial<ArmResource> = {},
): ArmResource {
  return {
    id: armResourceId(sub, group, type, name),
    name,
    type,
    apiVersion: '2016-03-30',
    location: 'westeurope',
    properties: { note: name },
    ...extra,
  };
}

/** Two groups: web (2 VMs, 2 NICs, an LB) and vnet (a VNet, an NSG), plus a third subscription's NIC. */
async function anEstate(): Promise<string> {
  const sub = uniqueSubscriptionId();
  const group = (name: string) => ({ id: resourceGroupId(sub, name), name, location: 'westeurope' });
  await services.armInventory.writeScope(
    sub,
    `cs-${sub}`,
    'op-1',
    [group('web-Migrated')],
    [
      aResource(sub, 'web-Migrated', 'Microsoft.Compute/virtualMachines', 'web1'),
      aResource(sub, 'web-Migrated', 'Microsoft.Compute/virtualMachines', 'web2'),
      aResource(sub, 'web-Migrated', 'Microsoft.Network/networkInterfaces', 'web1-PrimaryNic', {
        tags: { owner: 'ops' },
      }),
      aResource(sub, 'web-Migrated', 'Microsoft.Network/networkInterfaces', 'web2-PrimaryNic'),
      aResource(sub, 'web-Migrated', 'Microsoft.Network/loadBalancers', 'web-lb'),
    ],
    'Prepared',
  );
  await services.armInventory.writeScope(
    sub,
    `vnet-${sub}`,
    'op-2',
    [group('vnet-Migrated')],
    [
      aResource(sub, 'vnet-Migrated', 'Microsoft.Network/virtualNetworks', 'vnet'),
      aResource(sub, 'vnet-Migrated', 'Microsoft.Network/networkSecurityGroups', 'web-nsg'),
    ],
    'Committed',
  );
  const other = uniqueSubscriptionId();
  await services.armInventory.writeScope(
    other,
    `cs-${other}`,
    'op-3',
    [{ id: resourceGroupId(other, 'web-Migrated'), name: 'web-Migrated', location: 'westeurope' }],
    [aResource(other, 'web-Migrated', 'Microsoft.Network/networkInterfaces', 'elsewhere')],
    'Prepared',
  );
  return sub;
}

/** A GET as the Functions host hands it over: the absolute URL and the route's parameters. */
function get(url: string): HttpRequest {
  const { pathname } = new URL(url);
  const typed = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/providers\/([^/]+)\/([^/]+)$/i.exec(
    pathname,
  );
  const generic = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/resources$/i.exec(pathname);
  const [, subscriptionId, resourceGroupName, resourceProviderNamespace, resourceType] =
    typed ?? generic ?? [];
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    subscriptionId,
    resourceGroupName,
    resourceProviderNamespace,
    resourceType,
  })) {
    if (value !== undefined) params[key] = decodeURIComponent(value);
  }
  return new HttpRequest({ method: 'GET', url, params });
}

/** Calls the handler the route would, as the route table picks it. */
function call(url: string, deps = services): Promise<HttpResponseInit> {
  const request = get(url);
  if (request.params.resourceType) return listResourcesOfType(deps, request);
  if (request.params.resourceGroupName) return listResources(deps, request);
  return listResources(deps, request);
}

async function allPages(url: string, deps = services): Promise<{ pages: number; names: string[] }> {
  const names: string[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next) {
    const response = await call(next, deps);
    expect(response.status, JSON.stringify(response.jsonBody)).toBe(200);
    const body = response.jsonBody as ListBody;
    names.push(...body.value.map((resource) => String(resource.name)));
    next = body.nextLink;
    pages += 1;
  }
  return { pages, names };
}

const base = 'https://migrate.example.net';
const v = 'api-version=2024-03-01';

describe('ARM typed lists', () => {
  it('When NICs are listed in a group, then exactly that group’s NICs come back, each as its single GET returns it', async () => {
    const sub = await anEstate();
    const response = await call(
      `${base}/subscriptions/${sub}/resourceGroups/web-Migrated/providers/Microsoft.Network/networkInterfaces?${v}`,
    );
    expect(response.status).toBe(200);
    const body = response.jsonBody as ListBody;
    expect(body.nextLink).toBeUndefined();
    expect(body.value.map((resource) => resource.name)).toEqual(['web1-PrimaryNic', 'web2-PrimaryNic']);
    expect(body.value[0]).toEqual({
      id: armResourceId(sub, 'web-Migrated', 'Microsoft.Network/networkInterfaces', 'web1-PrimaryNic'),
      name: 'web1-PrimaryNic',
      type: 'Microsoft.Network/networkInterfaces',
      location: 'westeurope',
      tags: { owner: 'ops' },
      properties: { provisioningState: 'Succeeded', note: 'web1-PrimaryNic' },
    });
  });

  it('When a type is listed for the whole subscription, then every group’s resources of that type come back, and only this subscription’s', async () => {
    const sub = await anEstate();
    const nics = await allPages(
      `${base}/subscriptions/${sub}/providers/microsoft.network/NETWORKINTERFACES?${v}`,
    );
    expect(nics.names).toEqual(['web1-PrimaryNic', 'web2-PrimaryNic']);
    const nsgs = await allPages(
      `${base}/subscriptions/${sub}/providers/Microsoft.Network/networkSecurityGroups?${v}`,
    );
    expect(nsgs.names).toEqual(['web-nsg']);
    const none = await allPages(
      `${base}/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts?${v}`,
    );
    expect(none.names).toEqual([]);
  });

  it('When a group does not exist, then its typed list answers 404 ResourceGroupNotFound', async () => {
    const sub = await anEstate();
    const response = await call(
      `${base}/subscriptions/${sub}/resourceGroups/nope/providers/Microsoft.Network/networkInterfaces?${v}`,
    );
    expect(response.status).toBe(404);
    expect((response.jsonBody as ErrorBody).error.code).toBe('ResourceGroupNotFound');
  });

  it('When api-version is missing, then the list answers 400 MissingApiVersionParameter', async () => {
    const sub = await anEstate();
    const response = await call(`${base}/subscriptions/${sub}/providers/Microsoft.Network/networkInterfaces`);
    expect(response.status).toBe(400);
    expect((response.jsonBody as ErrorBody).error.code).toBe('MissingApiVersionParameter');
  });

  it('When a typed list gets a $filter it does not take, then 400 InvalidFilterInQueryString; the VM scale-set form lists the VMs of that set', async () => {
    const sub = await anEstate();
    const refused = await call(
      `${base}/subscriptions/${sub}/providers/Microsoft.Network/networkInterfaces?${v}&$filter=name eq 'web1-PrimaryNic'`,
    );
    expect(refused.status).toBe(400);
    expect((refused.jsonBody as ErrorBody).error.code).toBe('InvalidFilterInQueryString');
    const scaleSet = await call(
      `${base}/subscriptions/${sub}/providers/Microsoft.Compute/virtualMachines?${v}&$filter='virtualMachineScaleSet/id' eq '/subscriptions/${sub}/resourceGroups/x/providers/Microsoft.Compute/virtualMachineScaleSets/ss'`,
    );
    expect(scaleSet.status).toBe(200);
    expect((scaleSet.jsonBody as ListBody).value).toEqual([]);
  });
});

describe('ARM list paging', () => {
  it('When there are more resources than a page, then each page links to the next with an absolute nextLink, and following them returns each resource once', async () => {
    const sub = await anEstate();
    const first = await call(
      `${base}/subscriptions/${sub}/resources?${v}&$filter=resourceGroup eq 'web-Migrated'`,
      withPageSize(2),
    );
    const body = first.jsonBody as ListBody;
    expect(body.value).toHaveLength(2);
    const nextLink = new URL(body.nextLink ?? '');
    expect(nextLink.origin).toBe(base);
    expect(nextLink.pathname).toBe(`/subscriptions/${sub}/resources`);
    expect(nextLink.searchParams.get('api-version')).toBe('2024-03-01');
    expect(nextLink.searchParams.get('$filter')).toBe("resourceGroup eq 'web-Migrated'");
    expect(nextLink.searchParams.get('$skipToken')).toMatch(/^[A-Za-z0-9_-]+$/);

    const all = await allPages(`${base}/subscriptions/${sub}/resources?${v}`, withPageSize(2));
    expect(all.pages).toBe(4);
    expect(all.names).toHaveLength(7);
    expect(new Set(all.names).size).toBe(7);
  });

  it('When a resource is added between two pages, then the next page neither repeats nor skips what was there', async () => {
    const sub = await anEstate();
    const deps = withPageSize(3);
    const first = (
      await call(`${base}/subscriptions/${sub}/resourceGroups/web-Migrated/resources?${v}`, deps)
    ).jsonBody as ListBody;
    expect(first.value).toHaveLength(3);
    expect(first.nextLink).toBeDefined();
    await services.armInventory.writeScope(
      sub,
      `late-${sub}`,
      'op-9',
      [{ id: resourceGroupId(sub, 'web-Migrated'), name: 'web-Migrated', location: 'westeurope' }],
      [aResource(sub, 'web-Migrated', 'Microsoft.Compute/availabilitySets', 'AAA-first-in-order')],
      'Prepared',
    );
    const rest = await allPages(first.nextLink ?? '', deps);
    const seen = [...first.value.map((resource) => String(resource.name)), ...rest.names];
    expect(seen.filter((name) => name !== 'AAA-first-in-order').sort()).toEqual(
      ['web-lb', 'web1', 'web1-PrimaryNic', 'web2', 'web2-PrimaryNic'].sort(),
    );
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('When $top is given, then it sets the page size; a $top that is not a positive whole number answers 400', async () => {
    const sub = await anEstate();
    const page = (await call(`${base}/subscriptions/${sub}/resources?${v}&$top=3`)).jsonBody as ListBody;
    expect(page.value).toHaveLength(3);
    expect(new URL(page.nextLink ?? '').searchParams.get('$top')).toBe('3');
    for (const top of ['0', '-1', 'two']) {
      const refused = await call(`${base}/subscriptions/${sub}/resources?${v}&$top=${top}`);
      expect(refused.status).toBe(400);
    }
  });

  it('When a $skipToken was not made by this API, then 400 rather than a list from the start', async () => {
    const sub = await anEstate();
    const response = await call(`${base}/subscriptions/${sub}/resources?${v}&$skipToken=not-a-token`);
    expect(response.status).toBe(400);
  });
});

describe('ARM generic lists with $filter', () => {
  it.each([
    ["resourceType eq 'Microsoft.Network/networkInterfaces'", ['web1-PrimaryNic', 'web2-PrimaryNic']],
    ["resourceGroup eq 'vnet-migrated'", ['vnet', 'web-nsg']],
    ["name eq 'web2'", ['web2']],
    ["substringof('web1', name)", ['web1', 'web1-PrimaryNic']],
    ["resourceType eq 'Microsoft.Compute/virtualMachines' and substringof('2', name)", ['web2']],
  ])(
    'When the subscription is listed with $filter=%s, then exactly the matching resources come back',
    async (filter, expected) => {
      const sub = await anEstate();
      const listed = await allPages(
        `${base}/subscriptions/${sub}/resources?${v}&$filter=${encodeURIComponent(filter)}`,
      );
      expect(listed.names.sort()).toEqual([...expected].sort());
    },
  );

  it('When a group is listed with a $filter, then the filter applies inside that group', async () => {
    const sub = await anEstate();
    const listed = await allPages(
      `${base}/subscriptions/${sub}/resourceGroups/web-Migrated/resources?${v}&$filter=${encodeURIComponent("resourceType eq 'Microsoft.Network/loadBalancers'")}`,
    );
    expect(listed.names).toEqual(['web-lb']);
  });

  it('When the filter names a tag, then the tagged resources come back without their tags, as ARM documents', async () => {
    const sub = await anEstate();
    const response = await call(
      `${base}/subscriptions/${sub}/resources?${v}&$filter=${encodeURIComponent("tagName eq 'owner' and tagValue eq 'ops'")}`,
    );
    expect((response.jsonBody as ListBody).value).toEqual([
      expect.objectContaining({ name: 'web1-PrimaryNic' }),
    ]);
    expect((response.jsonBody as ListBody).value[0]).not.toHaveProperty('tags');
  });

  it('When the filter is one ARM does not take, then 400 InvalidFilterInQueryString in ARM’s error shape', async () => {
    const sub = await anEstate();
    const response = await call(
      `${base}/subscriptions/${sub}/resources?${v}&$filter=${encodeURIComponent("startswith(resourceType, 'Microsoft.Network')")}`,
    );
    expect(response.status).toBe(400);
    expect(response.jsonBody).toEqual({
      error: {
        code: 'InvalidFilterInQueryString',
        message: expect.stringContaining("Invalid $filter 'startswith(resourceType, 'Microsoft.Network')'"),
      },
    });
  });

  it('When $expand asks for provisioningState, then each generic resource carries it', async () => {
    const sub = await anEstate();
    const response = await call(
      `${base}/subscriptions/${sub}/resources?${v}&$expand=createdTime,provisioningState`,
    );
    expect((response.jsonBody as ListBody).value[0]).toMatchObject({ provisioningState: 'Succeeded' });
    expect((response.jsonBody as ListBody).value[0]).not.toHaveProperty('properties');
  });
});
