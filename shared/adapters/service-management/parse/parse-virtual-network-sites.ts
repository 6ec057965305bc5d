/**
 * List Virtual Network Sites (`VirtualNetworkSites`, namespace windowsazure) → VNet sites, plus the DNS
 * servers and local network sites they embed (the list API writes them out in full where netcfg
 * references them by name). `MigrationState` is reported through the context.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import {
  type DnsServer,
  type LocalNetworkSite,
  localNetworkSiteSchema,
  type VirtualNetworkSite,
  virtualNetworkSiteSchema,
} from '../../../domain/classic/network.schema';
import { migrationStates } from '../../../domain/migration/migration-state';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';

export interface ParsedVirtualNetworkSite {
  virtualNetwork: VirtualNetworkSite;
  dnsServers: DnsServer[];
  localNetworkSites: LocalNetworkSite[];
}

const connectionTypes = ['IPsec', 'Dedicated'] as const;

export function parseVirtualNetworkSiteElement(
  element: XmlElement,
  context: ParseContext,
): ParsedVirtualNetworkSite {
  const unknownElements: UnknownElement[] = [];
  const site = ElementReader.forObject(element, unknownElements);
  const name = site.requiredString('Name');
  const dnsServers: DnsServer[] = [];
  const localNetworkSites: LocalNetworkSite[] = [];

  const input = {
    name,
    label: site.string('Label'),
    id: site.string('Id'),
    affinityGroup: site.string('AffinityGroup'),
    state: site.string('State'),
    addressSpace:
      site.nested('AddressSpace', (space) => space.stringList('AddressPrefixes', 'AddressPrefix')) ?? [],
    subnets: site.list('Subnets', 'Subnet', (subnet) => ({
      name: subnet.requiredString('Name'),
      addressPrefix: subnet.requiredString('AddressPrefix'),
      networkSecurityGroup: subnet.string('NetworkSecurityGroup'),
      routeTable: subnet.string('RouteTable'),
    })),
    dnsServerRefs:
      site.nested('Dns', (dns) =>
        dns.list('DnsServers', 'DnsServer', (server) => {
          const serverName = server.requiredString('Name');
          const address = server.string('Address');
          if (address !== undefined) dnsServers.push({ name: serverName, address });
          return serverName;
        }),
      ) ?? [],
    gateway: site.nested('Gateway', (gateway) => ({
      connections: gateway
        .list('Sites', 'LocalNetworkSite', (local) => {
          const siteName = local.requiredString('Name');
          localNetworkSites.push(
            modelFrom(
              localNetworkSiteSchema,
              {
                name: siteName,
                vpnGatewayAddress: local.string('VPNGatewayAddress'),
                addressSpace:
                  local.nested('AddressSpace', (space) =>
                    space.stringList('AddressPrefixes', 'AddressPrefix'),
                  ) ?? [],
              },
              local.element,
            ),
          );
          return local.list('Connections', 'Connection', (connection) => ({
            localNetworkSiteName: siteName,
            connectionType: connection.oneOf('Type', connectionTypes),
          }));
        })
        .flat(),
      vpnClientAddressPool:
        gateway.nested('VPNClientAddressPool', (pool) =>
          pool.stringList('AddressPrefixes', 'AddressPrefix'),
        ) ?? [],
    })),
    location: site.string('Location'),
    unknownElements,
  };
  const migrationState = site.oneOf('MigrationState', migrationStates);
  if (migrationState !== undefined) {
    context.observedMigrationStates.push({ resourceType: 'VirtualNetwork', name, state: migrationState });
  }
  site.finish();
  return {
    virtualNetwork: modelFrom(virtualNetworkSiteSchema, input, element),
    dnsServers,
    localNetworkSites,
  };
}
