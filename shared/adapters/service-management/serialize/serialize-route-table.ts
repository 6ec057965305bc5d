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

export function serializeRouteTable(table: RouteTable): string {
  return renderCompact(routeTableNode(table, namespaces));
}

export function serializeRouteTables(tables: readonly RouteTable[]): string {
  return renderCompact(
    element(
      'RouteTables',
      tables.map((table) => routeTableNode(table)),
      namespaces,
    ),
  );
}

function routeTableNode(table: RouteTable, attributes: Attributes = {}): ElementNode {
  const bag = new UnknownBag(table.unknownElements);
  return orderedElement(
    'RouteTable',
    routeTableOrder,
    [
      leaf('Name', table.name),
      leaf('Label', table.label),
      leaf('Location', table.location),
      listNode('RouteTable', 'RouteList', 'Route', table.routes, bag, (route, routeBag) =>
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
