/**
 * Which root elements this adapter imports, and what each contributes to the inventory. One entry per
 * Service Management document (root element local name); the namespace each must carry (or none).
 */
import type { InventoryPart } from './inventory-part';
import type { ParseContext } from './parse/parse-context';
import { parseDeploymentElement } from './parse/parse-deployment';
import { parseDiskElement } from './parse/parse-disk';
import { type ParsedHostedService, parseHostedServiceElement } from './parse/parse-hosted-service';
import { parseNetworkConfigurationElement } from './parse/parse-network-configuration';
import {
  type ParsedNetworkSecurityGroup,
  parseNetworkSecurityGroupElement,
} from './parse/parse-network-security-group';
import { parseReservedIpElement } from './parse/parse-reserved-ip';
import { type ParsedRouteTable, parseRouteTableElement } from './parse/parse-route-table';
import { parseStorageServiceElement } from './parse/parse-storage-service';
import {
  type ParsedVirtualNetworkSite,
  parseVirtualNetworkSiteElement,
} from './parse/parse-virtual-network-sites';
import { parseOsImageElement, parseVmImageElement } from './parse/parse-vm-image';
import { DocumentRejection } from './service-management-error';
import { networkConfigurationNamespace, windowsAzureNamespace } from './xml/namespaces';
import type { XmlElement } from './xml/xml-element';

export const documentKinds = [
  'HostedService',
  'HostedServices',
  'Deployment',
  'NetworkConfiguration',
  'VirtualNetworkSites',
  'ReservedIP',
  'ReservedIPs',
  'NetworkSecurityGroup',
  'NetworkSecurityGroups',
  'RouteTable',
  'RouteTables',
  'StorageService',
  'StorageServices',
  'Disk',
  'Disks',
  'Images',
  'VMImages',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface ReadOptions {
  /** The cloud service a bare `Deployment` document belongs to. */
  cloudServiceName?: string;
}

interface DocumentReader {
  namespace: string;
  read(root: XmlElement, context: ParseContext, options: ReadOptions): InventoryPart;
}

/** Items of a list document; other children have no model object to live on and are noted. */
function items(root: XmlElement, itemName: string, context: ParseContext): XmlElement[] {
  for (const other of root.children.filter((c) => c.localName !== itemName)) {
    context.notes.push(`${other.path} is not part of the Classic model and was not imported.`);
  }
  return root.children.filter((c) => c.localName === itemName);
}

function hostedServices(parsed: ParsedHostedService[]): InventoryPart {
  return {
    cloudServices: parsed.map((p) => p.cloudService),
    cloudServicesWithoutDeployments: parsed.filter((p) => !p.hasDeployments).map((p) => p.cloudService.name),
  };
}

function networkSecurityGroups(parsed: ParsedNetworkSecurityGroup[]): InventoryPart {
  return {
    networkSecurityGroups: parsed.map((p) => p.networkSecurityGroup),
    networkSecurityGroupsWithoutRules: parsed
      .filter((p) => !p.hasRules)
      .map((p) => p.networkSecurityGroup.name),
  };
}

function routeTables(parsed: ParsedRouteTable[]): InventoryPart {
  return {
    routeTables: parsed.map((p) => p.routeTable),
    routeTablesWithoutRoutes: parsed.filter((p) => !p.hasRoutes).map((p) => p.routeTable.name),
  };
}

function virtualNetworkSites(parsed: ParsedVirtualNetworkSite[]): InventoryPart {
  return {
    virtualNetworks: parsed.map((p) => p.virtualNetwork),
    dnsServers: uniqueByName(parsed.flatMap((p) => p.dnsServers)),
    localNetworkSites: uniqueByName(parsed.flatMap((p) => p.localNetworkSites)),
  };
}

function uniqueByName<T extends { name: string }>(values: T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const imageNote = (skipped: number): string =>
  `${skipped} platform image(s) without a media link were skipped (they live in no storage account).`;

function images(parsed: ReturnType<typeof parseOsImageElement>[], context: ParseContext): InventoryPart {
  const withMedia = parsed.filter((image) => image.mediaLinks.length > 0);
  if (withMedia.length < parsed.length) context.notes.push(imageNote(parsed.length - withMedia.length));
  return { vmImages: withMedia };
}

const azure = windowsAzureNamespace;

export const documentReaders: Readonly<Record<DocumentKind, DocumentReader>> = {
  HostedService: {
    namespace: azure,
    read: (root, context) => hostedServices([parseHostedServiceElement(root, context)]),
  },
  HostedServices: {
    namespace: azure,
    read: (root, context) =>
      hostedServices(items(root, 'HostedService', context).map((e) => parseHostedServiceElement(e, context))),
  },
  Deployment: {
    namespace: azure,
    read: (root, context, options) => {
      const cloudServiceName = options.cloudServiceName?.trim();
      if (!cloudServiceName) {
        const suggested = /^https?:\/\/([^./]+)\.cloudapp\.net/i.exec(
          root.children.find((c) => c.localName === 'Url')?.text.trim() ?? '',
        )?.[1];
        throw new DocumentRejection({
          code: 'CloudServiceNameRequired',
          message:
            'A Deployment document does not name its cloud service; pass the cloud service name' +
            (suggested ? ` (its Url suggests '${suggested}').` : '.'),
          path: root.path,
        });
      }
      return {
        deployments: [
          { cloudServiceName, deployment: parseDeploymentElement(root, context, cloudServiceName) },
        ],
      };
    },
  },
  NetworkConfiguration: {
    namespace: networkConfigurationNamespace,
    read: (root, context) => parseNetworkConfigurationElement(root, context),
  },
  VirtualNetworkSites: {
    namespace: azure,
    read: (root, context) =>
      virtualNetworkSites(
        items(root, 'VirtualNetworkSite', context).map((e) => parseVirtualNetworkSiteElement(e, context)),
      ),
  },
  ReservedIP: { namespace: azure, read: (root) => ({ reservedIps: [parseReservedIpElement(root)] }) },
  ReservedIPs: {
    namespace: azure,
    read: (root, context) => ({
      reservedIps: items(root, 'ReservedIP', context).map(parseReservedIpElement),
    }),
  },
  NetworkSecurityGroup: {
    namespace: azure,
    read: (root) => networkSecurityGroups([parseNetworkSecurityGroupElement(root)]),
  },
  NetworkSecurityGroups: {
    namespace: azure,
    read: (root, context) =>
      networkSecurityGroups(
        items(root, 'NetworkSecurityGroup', context).map(parseNetworkSecurityGroupElement),
      ),
  },
  RouteTable: { namespace: azure, read: (root) => routeTables([parseRouteTableElement(root)]) },
  RouteTables: {
    namespace: azure,
    read: (root, context) => routeTables(items(root, 'RouteTable', context).map(parseRouteTableElement)),
  },
  StorageService: {
    namespace: azure,
    read: (root, context) => ({ storageAccounts: [parseStorageServiceElement(root, context)] }),
  },
  StorageServices: {
    namespace: azure,
    read: (root, context) => ({
      storageAccounts: items(root, 'StorageService', context).map((e) =>
        parseStorageServiceElement(e, context),
      ),
    }),
  },
  Disk: { namespace: azure, read: (root) => ({ disks: [parseDiskElement(root)] }) },
  Disks: {
    namespace: azure,
    read: (root, context) => ({ disks: items(root, 'Disk', context).map(parseDiskElement) }),
  },
  Images: {
    namespace: azure,
    read: (root, context) => images(items(root, 'OSImage', context).map(parseOsImageElement), context),
  },
  VMImages: {
    namespace: azure,
    read: (root, context) => images(items(root, 'VMImage', context).map(parseVmImageElement), context),
  },
};
