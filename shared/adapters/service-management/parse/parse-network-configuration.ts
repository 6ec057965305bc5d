/**
 * The netcfg document (`NetworkConfiguration`, namespace …/ServiceHosting/2011/07/NetworkConfiguration;
 * Get Network Configuration / `Get-AzureVNetConfig -ExportToFile`) → DNS servers, local network sites and
 * VNet sites with address space, subnets (and their NSG / route table when present), DNS server
 * references and the gateway's connections to local sites.
 *
 * netcfg carries names and locations in attributes. Attributes the model does not hold, and unknown
 * children of DNS servers or of the document outside the sites, have no model object to live on: they
 * are dropped and listed in the context's notes.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import {
  type DnsServer,
  dnsServerSchema,
  type LocalNetworkSite,
  localNetworkSiteSchema,
  type VirtualNetworkSite,
  virtualNetworkSiteSchema,
} from '../../../domain/classic/network.schema';
import { invalidDocument } from '../service-management-error';
import { ElementReader } from '../xml/element-reader';
import { attributeValue, type XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';

export interface ParsedNetworkConfiguration {
  dnsServers: DnsServer[];
  localNetworkSites: LocalNetworkSite[];
  virtualNetworks: VirtualNetworkSite[];
}

const connectionTypes = ['IPsec', 'Dedicated'] as const;

export function parseNetworkConfigurationElement(
  root: XmlElement,
  context: ParseContext,
): ParsedNetworkConfiguration {
  const result: ParsedNetworkConfiguration = { dnsServers: [], localNetworkSites: [], virtualNetworks: [] };
  for (const child of root.children) {
    if (child.localName !== 'VirtualNetworkConfiguration') {
      context.notes.push(`${child.path} is not part of the Classic model and was not imported.`);
      continue;
    }
    for (const section of child.children) {
      if (section.localName === 'Dns') {
        result.dnsServers.push(...readDnsServers(section, context));
      } else if (section.localName === 'LocalNetworkSites') {
        result.localNetworkSites.push(
          ...itemsNamed(section, 'LocalNetworkSite', context).map((site) => readLocalNetworkSite(site)),
        );
      } else if (section.localName === 'VirtualNetworkSites') {
        result.virtualNetworks.push(
          ...itemsNamed(section, 'VirtualNetworkSite', context).map((site) => readVirtualNetworkSite(site)),
        );
      } else {
        context.notes.push(`${section.path} is not part of the Classic model and was not imported.`);
      }
    }
  }
  return result;
}

function itemsNamed(container: XmlElement, itemName: string, context: ParseContext): XmlElement[] {
  for (const other of container.children.filter((c) => c.localName !== itemName)) {
    context.notes.push(`${other.path} is not part of the Classic model and was not imported.`);
  }
  return container.children.filter((c) => c.localName === itemName);
}

/** A required attribute (netcfg names are attributes). */
export function requiredAttribute(element: XmlElement, name: string): string {
  const value = attributeValue(element, name)?.trim();
  if (!value)
    throw invalidDocument(`The ${name} attribute is required.`, `${element.path}/@${name}`, element.line);
  return value;
}

function readDnsServers(dns: XmlElement, context: ParseContext): DnsServer[] {
  const servers = dns.children.find((c) => c.localName === 'DnsServers');
  if (!servers) return [];
  return itemsNamed(servers, 'DnsServer', context).map((server) =>
    modelFrom(
      dnsServerSchema,
      { name: requiredAttribute(server, 'name'), address: requiredAttribute(server, 'IPAddress') },
      server,
    ),
  );
}

function readLocalNetworkSite(element: XmlElement): LocalNetworkSite {
  const unknownElements: UnknownElement[] = [];
  const site = ElementReader.forObject(element, unknownElements);
  const input = {
    name: requiredAttribute(element, 'name'),
    addressSpace: site.stringList('AddressSpace', 'AddressPrefix'),
    vpnGatewayAddress: site.string('VPNGatewayAddress'),
    unknownElements,
  };
  site.finish();
  return modelFrom(localNetworkSiteSchema, input, element);
}

function readVirtualNetworkSite(element: XmlElement): VirtualNetworkSite {
  const unknownElements: UnknownElement[] = [];
  const site = ElementReader.forObject(element, unknownElements);
  const input = {
    name: requiredAttribute(element, 'name'),
    location: attributeValue(element, 'Location'),
    affinityGroup: attributeValue(element, 'AffinityGroup'),
    addressSpace: site.stringList('AddressSpace', 'AddressPrefix'),
    subnets: site.list('Subnets', 'Subnet', (subnet) => ({
      name: requiredAttribute(subnet.element, 'name'),
      addressPrefix: subnet.requiredString('AddressPrefix'),
      networkSecurityGroup: subnet.string('NetworkSecurityGroup'),
      routeTable: subnet.string('RouteTable'),
    })),
    dnsServerRefs: site.list('DnsServersRef', 'DnsServerRef', (ref) =>
      requiredAttribute(ref.element, 'name'),
    ),
    gateway: site.nested('Gateway', (gateway) => ({
      vpnClientAddressPool: gateway.stringList('VPNClientAddressPool', 'AddressPrefix'),
      connections: gateway.list('ConnectionsToLocalNetwork', 'LocalNetworkSiteRef', (ref) => {
        const connection = ref.take('Connection');
        const type = connection === undefined ? undefined : attributeValue(connection, 'type')?.trim();
        const connectionType = connectionTypes.find((t) => t.toLowerCase() === type?.toLowerCase());
        if (connection && type !== undefined && connectionType === undefined) {
          throw invalidDocument(
            `'${type}' is not a valid connection type; expected ${connectionTypes.join(', ')}.`,
            `${connection.path}/@type`,
            connection.line,
          );
        }
        return { localNetworkSiteName: requiredAttribute(ref.element, 'name'), connectionType };
      }),
    })),
    unknownElements,
  };
  site.finish();
  return modelFrom(virtualNetworkSiteSchema, input, element);
}
