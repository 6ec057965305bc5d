/**
 * Classic route table (UDR) → `Microsoft.Network/routeTables`: cloned when a migrating subnet uses it
 * (the Classic one stays, locked, until Commit — D1), moved as itself when stand-alone. Pure.
 */
import type { Route, RouteTable } from '../classic/network.schema';
import { sanitizeNameValue } from '../naming/name-sanitizer';
import { uniqueChildName } from './child-names';
import { routeTableClassicId } from './classic-ids';
import { account, addResource, type TranslationContext } from './translation-context';

/** Classic next-hop types in ARM spelling. */
const nextHopTypes: Readonly<Record<Route['nextHopType'], string>> = {
  VPNGateway: 'VirtualNetworkGateway',
  VirtualAppliance: 'VirtualAppliance',
  Internet: 'Internet',
  VNETLocal: 'VnetLocal',
  Null: 'None',
};

export function translateRouteTable(
  ctx: TranslationContext,
  routeTable: RouteTable,
  resourceGroup: string,
  location: string,
  cloned: boolean,
): string {
  const classicId = routeTableClassicId(ctx.subscriptionId, routeTable);
  const taken = new Set<string>();
  const id = addResource(ctx, {
    request: {
      kind: 'routeTable',
      classicId,
      principal: true,
      tokens: { routeTable: routeTable.name, name: routeTable.name },
    },
    resourceGroup,
    type: 'Microsoft.Network/routeTables',
    location,
    properties: {
      routes: routeTable.routes.map((route) => ({
        name: uniqueChildName(
          taken,
          sanitizeNameValue(route.name, 'Microsoft.Network/routeTables') || 'route',
        ),
        properties: {
          addressPrefix: route.addressPrefix,
          nextHopType: nextHopTypes[route.nextHopType],
          ...(route.nextHopIpAddress ? { nextHopIpAddress: route.nextHopIpAddress } : {}),
        },
      })),
    },
  });
  ctx.routeTableIds.set(routeTable.name.toLowerCase(), id);
  account(ctx, {
    classicId,
    classicType: 'RouteTable',
    name: routeTable.name,
    outcome: 'migrated',
    armIds: [id],
    ...(cloned ? { note: 'Cloned; the Classic route table stays (locked) until Commit' } : {}),
  });
  return id;
}
