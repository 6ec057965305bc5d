/**
 * VNet sites → List Virtual Network Sites (`<VirtualNetworkSites>`, namespace windowsazure), with each
 * site's `MigrationState` when given. The list API spells out what netcfg references by name, so the DNS
 * servers and local network sites of the inventory are looked up (by name, case-insensitively).
 */
import { findByName } from '../../../domain/classic/names';
import type {
  DnsServer,
  GatewayConnection,
  LocalNetworkSite,
  VirtualNetworkSite,
} from '../../../domain/classic/network.schema';
import type { MigrationState } from '../../../domain/migration/migration-state';
import {
  dnsOrder,
  dnsServerOrder,
  siteAddressSpaceOrder,
  siteGatewayConnectionOrder,
  siteGatewayLocalSiteOrder,
  siteGatewayOrder,
  siteSubnetOrder,
  virtualNetworkSiteOrder,
} from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { listNode } from './list-node';
import { renderListBody } from './response-body';

export interface VirtualNetworkSitesSerializeOptions {
  dnsServers?: readonly DnsServer[];
  localNetworkSites?: readonly LocalNetworkSite[];
  /** MigrationState per VNet name. */
  migrationStates?: Readonly<Record<string, MigrationState>>;
}

export function serializeVirtualNetworkSites(
  sites: readonly VirtualNetworkSite[],
  options: VirtualNetworkSitesSerializeOptions = {},
): string {
  return renderListBody(
    'VirtualNetworkSites',
    sites.map((site) => siteNode(site, options)),
  );
}

function siteNode(site: VirtualNetworkSite, options: VirtualNetworkSitesSerializeOptions): ElementNode {
  const bag = new UnknownBag(site.unknownElements);
  const migrationStates = options.migrationStates ?? {};
  const stateKey = Object.keys(migrationStates).find((k) => k.toLowerCase() === site.name.toLowerCase());
  const dnsBag = bag.child('Dns');
  return orderedElement(
    'VirtualNetworkSite',
    virtualNetworkSiteOrder,
    [
      leaf('Name', site.name),
      leaf('Label', site.label),
      leaf('Id', site.id),
      leaf('AffinityGroup', site.affinityGroup),
      leaf('State', site.state),
      prefixesNode('AddressSpace', site.addressSpace, bag.child('AddressSpace')),
      listNode('VirtualNetworkSite', 'Subnets', 'Subnet', site.subnets, bag, (subnet, subnetBag) =>
        orderedElement(
          'Subnet',
          siteSubnetOrder,
          [
            leaf('Name', subnet.name),
            leaf('AddressPrefix', subnet.addressPrefix),
            leaf('NetworkSecurityGroup', subnet.networkSecurityGroup),
            leaf('RouteTable', subnet.routeTable),
          ],
          subnetBag,
        ),
      ),
      site.dnsServerRefs.length > 0
        ? orderedElement(
            'Dns',
            dnsOrder,
            [
              listNode('Dns', 'DnsServers', 'DnsServer', site.dnsServerRefs, dnsBag, (name, serverBag) =>
                orderedElement(
                  'DnsServer',
                  dnsServerOrder,
                  [leaf('Name', name), leaf('Address', findByName(options.dnsServers ?? [], name)?.address)],
                  serverBag,
                ),
              ),
            ],
            dnsBag,
          )
        : undefined,
      site.gateway && gatewayNode(site.gateway.connections, site.gateway.vpnClientAddressPool, bag, options),
      leaf('Location', site.location),
      leaf('MigrationState', stateKey === undefined ? undefined : migrationStates[stateKey]),
    ],
    bag,
  );
}

/** `<AddressSpace>` / `<VPNClientAddressPool>`: `<AddressPrefixes><AddressPrefix/>…</AddressPrefixes>`. */
function prefixesNode(name: string, prefixes: readonly string[], bag: UnknownBag): ElementNode {
  return orderedElement(
    name,
    siteAddressSpaceOrder,
    [listNode(name, 'AddressPrefixes', 'AddressPrefix', prefixes, bag, (p) => leaf('AddressPrefix', p))],
    bag,
  );
}

function gatewayNode(
  connections: readonly GatewayConnection[],
  vpnClientAddressPool: readonly string[],
  siteBag: UnknownBag,
  options: VirtualNetworkSitesSerializeOptions,
): ElementNode {
  const bag = siteBag.child('Gateway');
  // The list API groups connections under the local site they connect to.
  const siteNames = [...new Set(connections.map((c) => c.localNetworkSiteName))];
  return orderedElement(
    'Gateway',
    siteGatewayOrder,
    [
      listNode('Gateway', 'Sites', 'LocalNetworkSite', siteNames, bag, (siteName, localBag) => {
        const local = findByName(options.localNetworkSites ?? [], siteName);
        const siteConnections = connections.filter((c) => c.localNetworkSiteName === siteName);
        return orderedElement(
          'LocalNetworkSite',
          siteGatewayLocalSiteOrder,
          [
            leaf('Name', siteName),
            leaf('VPNGatewayAddress', local?.vpnGatewayAddress),
            local && prefixesNode('AddressSpace', local.addressSpace, localBag.child('AddressSpace')),
            listNode(
              'LocalNetworkSite',
              'Connections',
              'Connection',
              siteConnections,
              localBag,
              (c, connectionBag) =>
                orderedElement(
                  'Connection',
                  siteGatewayConnectionOrder,
                  [leaf('Type', c.connectionType)],
                  connectionBag,
                ),
            ),
          ],
          localBag,
        );
      }),
      vpnClientAddressPool.length > 0
        ? prefixesNode('VPNClientAddressPool', vpnClientAddressPool, bag.child('VPNClientAddressPool'))
        : undefined,
    ],
    bag,
  );
}
