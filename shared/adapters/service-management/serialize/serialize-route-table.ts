/** Route tables → Get Route Table with details (`<RouteTable>` with `RouteList`) and `<RouteTables>`. */
import type { RouteTable } from '../../../domain/classic/network.schema';
import { nextHopTypeOrder, routeOrder, routeTableOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { listNode } from './list-node';
import { renderBody, renderListBody } from './response-body';

export interface RouteTableSerializeOptions {
  /**
   * Write `RouteList` (`detailLevel=Full`). Default true. Without it the route list is left out, and a
   * reader tells "not listed" from "none" by its absence (see `routeTablesWithoutRoutes`).
   */
  withRoutes?: boolean;
}

export function serializeRouteTable(table: RouteTable, options: RouteTableSerializeOptions = {}): string {
  return renderBody(routeTableNode(table, options));
}

export function serializeRouteTables(
  tables: readonly RouteTable[],
  options: RouteTableSerializeOptions = {},
): string {
  return renderListBody(
    'RouteTables',
    tables.map((table) => routeTableNode(table, options)),
  );
}

function routeTableNode(table: RouteTable, options: RouteTableSerializeOptions): ElementNode {
  const bag = new UnknownBag(table.unknownElements);
  return orderedElement(
    'RouteTable',
    routeTableOrder,
    [
      leaf('Name', table.name),
      leaf('Label', table.label),
      leaf('Location', table.location),
      options.withRoutes === false
        ? undefined
        : listNode('RouteTable', 'RouteList', 'Route', table.routes, bag, (route, routeBag) =>
            orderedElement(
              'Route',
              routeOrder,
              [
                leaf('Name', route.name),
                leaf('AddressPrefix', route.addressPrefix),
                orderedElement(
                  'NextHopType',
                  nextHopTypeOrder,
                  [leaf('Type', route.nextHopType), leaf('IpAddress', route.nextHopIpAddress)],
                  routeBag.child('NextHopType'),
                ),
              ],
              routeBag,
            ),
          ),
    ],
    bag,
  );
}
