/**
 * The Classic network resources that are scopes of their own, as Service Management lists and gets them
 * (C4; C5 recordings): reserved IPs (`…/services/networking/reservedips[/{name}]`), NSGs
 * (`…/networksecuritygroups[/{name}][?detaillevel=Full]`) and route tables
 * (`…/routetables[/{name}][?detailLevel=Full]`). The generated parsers have no `MigrationState` for these
 * (C4), so none is written.
 *
 * Details: an NSG shows its rules, and a route table its routes, only when asked for the full detail level
 * (as the SDKs' `get` / `getRouteTableWithDetails` ask); otherwise, and in the lists, the element is left
 * out (not written empty), so a reader — our import included — can tell "not listed" from "none".
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import {
  serializeNetworkSecurityGroup,
  serializeNetworkSecurityGroups,
  serializeReservedIp,
  serializeReservedIps,
  serializeRouteTable,
  serializeRouteTables,
} from '../../adapters/service-management';
import type { Services } from '../../composition';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { findByName } from '../../domain/classic/names';
import { resourceNotFound } from '../../domain/management/management-error';
import type { ScopeKind } from '../../domain/scope/scope';
import { scopeNotFoundMessage } from '../../domain/validation/scope-not-found';
import { queryEquals, subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

type Deps = Pick<Services, 'classicInventory' | 'ids'>;

interface Listing<T extends { name: string }> {
  kind: ScopeKind;
  items(inventory: ClassicInventory): T[];
  list(items: T[]): string;
  one(item: T, full: boolean): string;
}

const reservedIps: Listing<ClassicInventory['reservedIps'][number]> = {
  kind: 'reservedIp',
  items: (inventory) => inventory.reservedIps,
  list: serializeReservedIps,
  one: (ip) => serializeReservedIp(ip),
};

const networkSecurityGroups: Listing<ClassicInventory['networkSecurityGroups'][number]> = {
  kind: 'networkSecurityGroup',
  items: (inventory) => inventory.networkSecurityGroups,
  list: (nsgs) => serializeNetworkSecurityGroups(nsgs, { withRules: false }),
  one: (nsg, full) => serializeNetworkSecurityGroup(nsg, { withRules: full }),
};

const routeTables: Listing<ClassicInventory['routeTables'][number]> = {
  kind: 'routeTable',
  items: (inventory) => inventory.routeTables,
  list: (tables) => serializeRouteTables(tables, { withRoutes: false }),
  one: (table, full) => serializeRouteTable(table, { withRoutes: full }),
};

export const getReservedIps = (deps: Deps, request: HttpRequest, context?: InvocationContext) =>
  answer(deps, request, context, reservedIps);

export const getNetworkSecurityGroups = (deps: Deps, request: HttpRequest, context?: InvocationContext) =>
  answer(deps, request, context, networkSecurityGroups);

export const getRouteTables = (deps: Deps, request: HttpRequest, context?: InvocationContext) =>
  answer(deps, request, context, routeTables);

function answer<T extends { name: string }>(
  deps: Deps,
  request: HttpRequest,
  context: InvocationContext | undefined,
  listing: Listing<T>,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(deps.ids);
  return answering(requestId, context, async () => {
    const inventory = await deps.classicInventory.load(subscriptionIdOf(request));
    const items = listing.items(inventory);
    const name = request.params.name;
    if (name === undefined) return xmlResponse(200, listing.list(items), requestId);
    const item = findByName(items, name);
    if (!item)
      return errorResponse(resourceNotFound(scopeNotFoundMessage({ kind: listing.kind, name })), requestId);
    return xmlResponse(200, listing.one(item, queryEquals(request, 'detaillevel', 'full')), requestId);
  });
}
