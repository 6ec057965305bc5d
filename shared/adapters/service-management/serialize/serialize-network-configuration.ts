/**
 * DNS servers, local network sites and VNet sites → the netcfg document, in the form Get Network
 * Configuration returned it: UTF-8 byte order mark, XML declaration, two-space indentation, CRLF line
 * ends, the `xsd`/`xsi` namespace declarations, names in attributes, `<X />` for empty elements.
 */
import type { DnsServer, LocalNetworkSite, VirtualNetworkSite } from '../../../domain/classic/network.schema';
import {
  netcfgConfigurationOrder,
  netcfgGatewayOrder,
  netcfgLocalNetworkSiteOrder,
  netcfgLocalNetworkSiteRefOrder,
  netcfgSubnetOrder,
  netcfgVirtualNetworkSiteOrder,
} from '../xml/element-order';
import {
  networkConfigurationNamespace,
  xmlSchemaInstanceNamespace,
  xmlSchemaNamespace,
} from '../xml/namespaces';
import { UnknownBag } from '../xml/unknown-elements';
import { element, type ElementNode, leaf, orderedElement, renderIndented } from '../xml/xml-writer';
import { listNode } from './list-node';

export interface NetworkConfigurationContent {
  dnsServers: readonly DnsServer[];
  localNetworkSites: readonly LocalNetworkSite[];
  virtualNetworks: readonly VirtualNetworkSite[];
}

export interface NetworkConfigurationSerializeOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), as Azure's download did. Default true. */
  byteOrderMark?: boolean;
}

const noUnknowns = new UnknownBag();

export function serializeNetworkConfiguration(
  content: NetworkConfigurationContent,
  options: NetworkConfigurationSerializeOptions = {},
): string {
  const configuration = orderedElement(
    'VirtualNetworkConfiguration',
    netcfgConfigurationOrder,
    [
      content.dnsServers.length > 0
        ? element('Dns', [
            element(
              'DnsServers',
              content.dnsServers.map((server) =>
                element('DnsServer', [], { name: server.name, IPAddress: server.address }),
              ),
            ),
          ])
        : undefined,
      content.localNetworkSites.length > 0
        ? element('LocalNetworkSites', content.localNetworkSites.map(localNetworkSiteNode))
        : undefined,
      element('VirtualNetworkSites', content.virtualNetworks.map(virtualNetworkSiteNode)),
    ],
    noUnknowns,
  );
  const root = element('NetworkConfiguration', [configuration], {
    'xmlns:xsd': xmlSchemaNamespace,
    'xmlns:xsi': xmlSchemaInstanceNamespace,
    xmlns: networkConfigurationNamespace,
  });
  const bom = options.byteOrderMark === false ? '' : '\uFEFF';
  return `${bom}<?xml version="1.0" encoding="utf-8"?>\r\n${renderIndented(root)}`;
}

function localNetworkSiteNode(site: LocalNetworkSite): ElementNode {
  const bag = new UnknownBag(site.unknownElements);
  return orderedElement(
    'LocalNetworkSite',
    netcfgLocalNetworkSiteOrder,
    [
      listNode('LocalNetworkSite', 'AddressSpace', 'AddressPrefix', site.addressSpace, bag, (prefix) =>
        leaf('AddressPrefix', prefix),
      ),
      leaf('VPNGatewayAddress', site.vpnGatewayAddress),
    ],
    bag,
    { name: site.name },
  );
}

function virtualNetworkSiteNode(site: VirtualNetworkSite): ElementNode {
  const bag = new UnknownBag(site.unknownElements);
  const gateway = site.gateway;
  const gatewayBag = bag.child('Gateway');
  return orderedElement(
    'VirtualNetworkSite',
    netcfgVirtualNetworkSiteOrder,
    [
      listNode('VirtualNetworkSite', 'AddressSpace', 'AddressPrefix', site.addressSpace, bag, (prefix) =>
        leaf('AddressPrefix', prefix),
      ),
      listNode('VirtualNetworkSite', 'Subnets', 'Subnet', site.subnets, bag, (subnet, subnetBag) =>
        orderedElement(
          'Subnet',
          netcfgSubnetOrder,
          [
            leaf('AddressPrefix', subnet.addressPrefix),
            leaf('NetworkSecurityGroup', subnet.networkSecurityGroup),
            leaf('RouteTable', subnet.routeTable),
          ],
          subnetBag,
          { name: subnet.name },
        ),
      ),
      listNode('VirtualNetworkSite', 'DnsServersRef', 'DnsServerRef', site.dnsServerRefs, bag, (name) =>
        element('DnsServerRef', [], { name }),
      ),
      gateway &&
        orderedElement(
          'Gateway',
          netcfgGatewayOrder,
          [
            listNode(
              'Gateway',
              'VPNClientAddressPool',
              'AddressPrefix',
              gateway.vpnClientAddressPool,
              gatewayBag,
              (p) => leaf('AddressPrefix', p),
            ),
            listNode(
              'Gateway',
              'ConnectionsToLocalNetwork',
              'LocalNetworkSiteRef',
              gateway.connections,
              gatewayBag,
              (connection, refBag) =>
                orderedElement(
                  'LocalNetworkSiteRef',
                  netcfgLocalNetworkSiteRefOrder,
                  [element('Connection', [], { type: connection.connectionType })],
                  refBag,
                  { name: connection.localNetworkSiteName },
                  new Set(['Connection']),
                ),
            ),
          ],
          gatewayBag,
        ),
    ],
    bag,
    { name: site.name, Location: site.location, AffinityGroup: site.affinityGroup },
  );
}
