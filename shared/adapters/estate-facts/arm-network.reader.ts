/**
 * Peerings and ExpressRoute circuits as Resource Manager lists them.
 *
 * - A Classic VNet cannot hold a peering itself: an ARM VNet peers with it, so the peering lives on the
 *   ARM side, in `properties.virtualNetworkPeerings[]` of `Microsoft.Network/virtualNetworks` (or as
 *   `Microsoft.Network/virtualNetworks/virtualNetworkPeerings` items), with
 *   `properties.remoteVirtualNetwork.id` naming the Classic VNet
 *   (learn.microsoft.com/rest/api/virtualnetwork/virtual-networks/list,
 *   learn.microsoft.com/rest/api/virtualnetwork/virtual-network-peerings/list).
 * - `Microsoft.Network/expressRouteCircuits` are circuits already moved to Resource Manager (D9); the id
 *   names the owning subscription and `properties.serviceKey` matches the Classic links
 *   (learn.microsoft.com/rest/api/expressroute/express-route-circuits/list).
 */
import { classicVnetOfId, parseArmResourceId } from './arm-resource-id';
import { invalidFactDocument } from './fact-document-error';
import type { FactCollector } from './fact-reading';
import {
  arrayAt,
  factKey,
  type JsonObject,
  optionalString,
  requiredString,
  setting,
  valueAt,
} from './json-values';

function remoteIdOf(peering: unknown): string | undefined {
  return (
    optionalString(valueAt(peering, 'properties', 'remoteVirtualNetwork', 'id')) ??
    optionalString(valueAt(peering, 'remoteVirtualNetwork', 'id'))
  );
}

function peeringStateOf(peering: unknown): string | undefined {
  return (
    optionalString(valueAt(peering, 'properties', 'peeringState')) ??
    optionalString(valueAt(peering, 'peeringState'))
  );
}

function addPeering(
  out: FactCollector,
  armVnetName: string,
  peering: unknown,
  resourceId: string | undefined,
): boolean {
  const classic = classicVnetOfId(remoteIdOf(peering));
  if (!classic) return false;
  const peeringName = optionalString(valueAt(peering, 'name'));
  const peeringState = peeringStateOf(peering);
  out.facts.push({
    kind: 'vnetPeering',
    key: factKey('vnetPeering', resourceId ?? `${armVnetName}/${peeringName ?? ''}`, classic.name),
    virtualNetwork: classic,
    remoteVirtualNetwork: armVnetName,
    ...(peeringName === undefined ? {} : { peeringName }),
    ...(peeringState === undefined ? {} : { peeringState }),
    ...(resourceId === undefined ? {} : { resourceId }),
  });
  return true;
}

export function readArmVirtualNetwork(item: JsonObject, path: string, out: FactCollector): void {
  const name = requiredString(item.name, `${path}.name`, 'The virtual network name');
  let found = 0;
  for (const peering of arrayAt(setting(item, 'virtualNetworkPeerings')))
    if (addPeering(out, name, peering, optionalString(valueAt(peering, 'id')))) found += 1;
  if (found === 0)
    out.notes.push(`${name} is not peered with a Classic virtual network: nothing recorded for it.`);
}

export function readVirtualNetworkPeering(item: JsonObject, path: string, out: FactCollector): void {
  const id = requiredString(item.id, `${path}.id`, 'The peering id');
  const armVnetName = parseArmResourceId(id)?.path[0]?.[1];
  if (armVnetName === undefined)
    throw invalidFactDocument(`'${id}' is not the id of a virtual network peering.`, `${path}.id`);
  if (!addPeering(out, armVnetName, item, id))
    out.notes.push(`Peering ${optionalString(item.name) ?? id} is not with a Classic virtual network.`);
}

export function readExpressRouteCircuit(item: JsonObject, path: string, out: FactCollector): void {
  const resourceId = requiredString(item.id, `${path}.id`, 'The circuit id');
  const serviceKey = requiredString(
    setting(item, 'serviceKey'),
    `${path}.properties.serviceKey`,
    'The service key',
  );
  const name = requiredString(item.name, `${path}.name`, 'The circuit name');
  const subscriptionId = parseArmResourceId(resourceId)?.subscriptionId;
  const location =
    optionalString(valueAt(setting(item, 'serviceProviderProperties'), 'peeringLocation')) ??
    optionalString(item.location);
  out.facts.push({
    kind: 'expressRouteCircuit',
    key: factKey('expressRouteCircuit', serviceKey, 'arm'),
    serviceKey: serviceKey.toLowerCase(),
    name,
    ...(location === undefined ? {} : { location }),
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    inResourceManager: true,
    resourceId,
  });
}
