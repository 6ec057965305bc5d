/** `RouteTable` (Get with details / an item of List Route Tables) → the model's route table. */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import { routeSchema, type RouteTable, routeTableSchema } from '../../../domain/classic/network.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

export interface ParsedRouteTable {
  routeTable: RouteTable;
  /** False when the element had no `RouteList` (the routes are unknown, not absent). */
  hasRoutes: boolean;
}

const nextHopTypes = routeSchema.shape.nextHopType.options;

export function parseRouteTableElement(element: XmlElement): ParsedRouteTable {
  const unknownElements: UnknownElement[] = [];
  const table = ElementReader.forObject(element, unknownElements);
  const hasRoutes = table.has('RouteList');
  const input = {
    name: table.requiredString('Name'),
    label: table.string('Label'),
    location: table.string('Location'),
    routes: table.list('RouteList', 'Route', (route) => {
      const nextHop = route.nested('NextHopType', (hop) => ({
        nextHopType: hop.oneOf('Type', nextHopTypes),
        nextHopIpAddress: hop.string('IpAddress'),
      }));
      return { name: route.requiredString('Name'), addressPrefix: route.string('AddressPrefix'), ...nextHop };
    }),
    unknownElements,
  };
  table.finish();
  return { routeTable: modelFrom(routeTableSchema, input, element), hasRoutes };
}
