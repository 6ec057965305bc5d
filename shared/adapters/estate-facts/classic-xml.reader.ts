/**
 * Facts only Service Management (and the Blob service) return, in the XML those APIs send. The root
 * element decides the kind; element names compare case-insensitively, text is trimmed. Namespace: none,
 * or `http://schemas.microsoft.com/windowsazure` (Blob listings have none).
 *
 * | Root | API (previous-versions REST reference) | Facts |
 * | --- | --- | --- |
 * | `Gateway` | Get Virtual Network Gateway, `…/services/networking/<vnet>/gateway` (jj154109) | type, size, VIP |
 * | `Connections` | List Virtual Network Gateway Connections, `…/<vnet>/gateway/connections` | connectivity state |
 * | `DedicatedCircuits`, `DedicatedCircuit` | List / Get Dedicated Circuit(s) (dn606295) | Classic ExpressRoute circuits |
 * | `DedicatedCircuitLinks` | List Dedicated Circuit Links, `…/dedicatedcircuits/<key>/vnets` (dn606290) | VNets linked to a circuit |
 * | `ApplicationGateways`, `ApplicationGateway` | List / Get Application Gateway(s) (Classic) | application gateways of VNets |
 * | `AffinityGroups`, `AffinityGroup` | List / Get Affinity Group(s) | affinity groups |
 * | `EnumerationResults` | Blob service List Blobs (learn.microsoft.com/rest/api/storageservices/list-blobs) | VHD blob sizes |
 *
 * `Gateway` and `Connections` name their VNet only in the URL, `DedicatedCircuitLinks` its circuit: the
 * import is told (`virtualNetwork`, `serviceKey`). The element names of `Connections` and
 * `ApplicationGateways` follow the generated Service Management network client (C4, `azure-asm-network`); those of
 * `DedicatedCircuitLinks` (`DedicatedCircuitLink` with `VnetName` and `State`) are our reading of
 * `Get-AzureDedicatedCircuitLink`, whose output has exactly those two fields.
 */
import type { EstateFactReading } from '../../domain/facts/estate-fact.schema';
import { attributeValue, type XmlElement } from '../service-management/xml/xml-element';
import { FactDocumentRejection, invalidFactDocument } from './fact-document-error';
import type { FactCollector, FactReadContext } from './fact-reading';
import { factKey } from './json-values';

const windowsAzureNamespaces = [
  'http://schemas.microsoft.com/windowsazure',
  'https://schemas.microsoft.com/windowsazure',
];

type RootReader = (root: XmlElement, context: FactReadContext, out: FactCollector) => void;

const children = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.localName.toLowerCase() === name.toLowerCase());
const child = (element: XmlElement, name: string): XmlElement | undefined => children(element, name)[0];
const text = (element: XmlElement | undefined, name: string): string | undefined => {
  const value = element === undefined ? undefined : child(element, name)?.text.trim();
  return value === undefined || value === '' ? undefined : value;
};
const required = (element: XmlElement, name: string): string => {
  const value = text(element, name);
  if (value === undefined) throw invalidFactDocument(`${element.localName} has no ${name}.`, element.path);
  return value;
};
/** Each `item` element of a list root, or the root itself when it is a single item. */
const itemsOf = (root: XmlElement, item: string): XmlElement[] =>
  root.localName.toLowerCase() === item.toLowerCase() ? [root] : children(root, item);

function requireVirtualNetwork(context: FactReadContext, root: XmlElement): string {
  if (context.virtualNetworkName !== undefined) return context.virtualNetworkName;
  throw new FactDocumentRejection({
    code: 'VirtualNetworkNameRequired',
    message: `A ${root.localName} document does not name its virtual network (Service Management has it only in the URL). Import it again with virtualNetwork=<name>.`,
    path: root.path,
  });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate.toLowerCase() === value?.toLowerCase());
}

const readGateway: RootReader = (root, context, out) => {
  const vnet = requireVirtualNetwork(context, root);
  const state = text(root, 'State');
  if (state?.toLowerCase() === 'notprovisioned') {
    out.notes.push(`The gateway of ${vnet} is not provisioned: nothing recorded.`);
    return;
  }
  const gatewayType = oneOf(text(root, 'GatewayType'), ['StaticRouting', 'DynamicRouting'] as const);
  const gatewaySize = oneOf(text(root, 'GatewaySize'), [
    'Default',
    'HighPerformance',
    'UltraPerformance',
  ] as const);
  if (text(root, 'GatewaySize') !== undefined && gatewaySize === undefined)
    out.notes.push(`Gateway size '${text(root, 'GatewaySize')}' is not one the model knows; not recorded.`);
  const vipAddress = text(root, 'VIPAddress');
  out.facts.push({
    kind: 'gateway',
    key: factKey('gateway', vnet),
    virtualNetwork: { name: vnet },
    ...(state === undefined ? {} : { state }),
    ...(gatewayType === undefined ? {} : { gatewayType }),
    ...(gatewaySize === undefined ? {} : { gatewaySize }),
    ...(vipAddress === undefined ? {} : { vipAddress }),
  });
};

const connectivityStates = ['Connected', 'Connecting', 'NotConnected', 'Unknown'] as const;

const readConnections: RootReader = (root, context, out) => {
  const vnet = requireVirtualNetwork(context, root);
  for (const connection of itemsOf(root, 'Connection')) {
    const site = required(connection, 'LocalNetworkSiteName');
    const raw = required(connection, 'ConnectivityState');
    const connectivityState = oneOf(raw, connectivityStates);
    if (connectivityState === undefined)
      throw invalidFactDocument(
        `'${raw}' is not a connectivity state (expected ${connectivityStates.join(', ')}).`,
        `${connection.path}/ConnectivityState`,
      );
    out.facts.push({
      kind: 'gatewayConnection',
      key: factKey('gatewayConnection', vnet, site),
      virtualNetwork: { name: vnet },
      localNetworkSiteName: site,
      connectivityState,
    });
  }
};

const readDedicatedCircuits: RootReader = (root, _context, out) => {
  for (const circuit of itemsOf(root, 'DedicatedCircuit')) {
    const serviceKey = required(circuit, 'ServiceKey').toLowerCase();
    const location = text(circuit, 'Location');
    out.facts.push({
      kind: 'expressRouteCircuit',
      key: factKey('expressRouteCircuit', serviceKey, 'classic'),
      serviceKey,
      name: required(circuit, 'CircuitName'),
      ...(location === undefined ? {} : { location }),
      inResourceManager: false,
    });
  }
};

const readDedicatedCircuitLinks: RootReader = (root, context, out) => {
  if (context.serviceKey === undefined)
    throw new FactDocumentRejection({
      code: 'ServiceKeyRequired',
      message:
        'A DedicatedCircuitLinks document does not name its circuit (Service Management has it only in the URL). Import it again with serviceKey=<service key>.',
      path: root.path,
    });
  const serviceKey = context.serviceKey.toLowerCase();
  for (const link of itemsOf(root, 'DedicatedCircuitLink')) {
    const vnet = required(link, 'VnetName');
    const state = text(link, 'State');
    out.facts.push({
      kind: 'expressRouteLink',
      key: factKey('expressRouteLink', serviceKey, vnet),
      serviceKey,
      virtualNetwork: { name: vnet },
      ...(state === undefined ? {} : { state }),
    });
  }
};

const readApplicationGateways: RootReader = (root, _context, out) => {
  for (const gateway of itemsOf(root, 'ApplicationGateway')) {
    const name = required(gateway, 'Name');
    const vnet = text(gateway, 'VnetName');
    if (vnet === undefined) {
      out.notes.push(`Application gateway ${name} names no virtual network: nothing recorded for it.`);
      continue;
    }
    out.facts.push({
      kind: 'applicationGateway',
      key: factKey('applicationGateway', `classic/${name}`, vnet),
      virtualNetwork: { name: vnet },
      resourceName: name,
    });
  }
};

const readAffinityGroups: RootReader = (root, _context, out) => {
  for (const group of itemsOf(root, 'AffinityGroup')) {
    const name = required(group, 'Name');
    out.facts.push({
      kind: 'affinityGroup',
      key: factKey('affinityGroup', name),
      name,
      location: required(group, 'Location'),
    });
  }
};

/**
 * A blob listing: the container is `ServiceEndpoint` + `ContainerName` (older versions: each blob's
 * `Url`); a listing with a `NextMarker` is a page, so only a listing without one is complete (for the
 * `Prefix` it was asked for). Only page blobs are kept (a blob without a `BlobType` counts as one).
 */
const readBlobListing: RootReader = (root, _context, out) => {
  const endpoint = attributeValue(root, 'ServiceEndpoint')?.replace(/\/+$/, '');
  const containerName = attributeValue(root, 'ContainerName');
  // A VHD is a page blob: other blobs (a container of 5,000 block blobs) are left out of the fact.
  const pageBlobs = children(child(root, 'Blobs') ?? root, 'Blob').filter(
    (blob) => (text(child(blob, 'Properties'), 'BlobType') ?? 'PageBlob').toLowerCase() === 'pageblob',
  );
  const blobs = pageBlobs.map((blob) => {
    const name = required(blob, 'Name');
    const size = text(child(blob, 'Properties'), 'Content-Length') ?? text(blob, 'Size');
    const sizeBytes = size === undefined ? undefined : Number(size);
    if (sizeBytes !== undefined && !Number.isInteger(sizeBytes))
      throw invalidFactDocument(`Content-Length '${size}' of blob ${name} is not a whole number.`, blob.path);
    return { name, url: text(blob, 'Url'), ...(sizeBytes === undefined ? {} : { sizeBytes }) };
  });
  const container =
    endpoint !== undefined && containerName !== undefined
      ? `${endpoint}/${containerName}`
      : blobs[0]?.url?.slice(0, blobs[0].url.length - blobs[0].name.length - 1);
  if (container === undefined)
    throw invalidFactDocument(
      'The listing does not say its container (no ServiceEndpoint and ContainerName attributes, no blob Url).',
      root.path,
    );
  const prefix = text(root, 'Prefix');
  const complete = text(root, 'NextMarker') === undefined;
  const fact: EstateFactReading = {
    kind: 'vhdBlobListing',
    key: factKey('vhdBlobListing', container.replace(/^https?:\/\//i, ''), prefix),
    container,
    ...(prefix === undefined ? {} : { prefix }),
    complete,
    blobs: blobs.map(({ name, sizeBytes }) => ({ name, ...(sizeBytes === undefined ? {} : { sizeBytes }) })),
  };
  out.facts.push(fact);
  if (!complete)
    out.notes.push('The listing has a NextMarker (it is one page): missing blobs are not inferred from it.');
};

const rootReaders: Readonly<Record<string, RootReader>> = {
  Gateway: readGateway,
  Connections: readConnections,
  DedicatedCircuits: readDedicatedCircuits,
  DedicatedCircuit: readDedicatedCircuits,
  DedicatedCircuitLinks: readDedicatedCircuitLinks,
  ApplicationGateways: readApplicationGateways,
  ApplicationGateway: readApplicationGateways,
  AffinityGroups: readAffinityGroups,
  AffinityGroup: readAffinityGroups,
  EnumerationResults: readBlobListing,
};

/** The XML roots read, in their documented spelling. */
export const classicFactRoots = Object.keys(rootReaders);

/** The reader of a root element, or undefined when the root is not a facts document (or in another namespace). */
export function classicRootReader(root: XmlElement): { kind: string; read: RootReader } | undefined {
  const kind = classicFactRoots.find((name) => name.toLowerCase() === root.localName.toLowerCase());
  if (kind === undefined) return undefined;
  const namespace = root.namespaceUri;
  const expected = kind === 'EnumerationResults' ? [undefined] : [undefined, ...windowsAzureNamespaces];
  if (!expected.includes(namespace)) return undefined;
  return { kind, read: rootReaders[kind] as RootReader };
}
