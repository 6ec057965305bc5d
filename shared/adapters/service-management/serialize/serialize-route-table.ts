/** Route tables → Get Route Table with details (`<RouteTable>` with `RouteList`) and `<RouteTables>`. */
import type { RouteTable } from '../../../domain/classic/network.schema';
import { nextHopTypeOrder, routeOrder, routeTableOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import {
  type Attributes,
  element,
  type ElementNode,
  leaf,
  orderedElement,
  renderCompact,
} from '../xml/xml-writer';
import { listNode } from './list-node';
import { namespaces } from './root-attributes';

export interface RouteTableSerializeOptions {
  /**
   * Write `RouteList` (`detailLevel=Full`). Default true. Without it the route list is left out, and a
   * reader tells "not listed" from "none" by its absence (see `routeTablesWithoutRoutes`).
   */
  withRoutes?: boolean;
}

export function serializeRouteTable(table: RouteTable, options: RouteTableSerializeOptions = {}): string {
  return renderCompact(routeTableNode(table, options, namespaces));
}

export function serializeRouteTables(
  tables: readonly RouteTable[],
  options: RouteTableSerializeOptions = {},
): string {
  return renderCompact(
    element(
      'RouteTables',
      tables.map((table) => routeTableNode(table, options)),
      namespaces,
    ),
  );
}

function routeTableNode(
  table: RouteTable,
  options: RouteTableSerializeOptions,
  attributes: Attributes = {},
): ElementNode {
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
    attributes,
  );
}
