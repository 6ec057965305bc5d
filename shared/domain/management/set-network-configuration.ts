/**
 * Set Network Configuration (`PUT /{sub}/services/networking/media`, a netcfg document): the
 * subscription-wide definition of DNS servers, local network sites and VNet sites. Pure.
 *
 * Lock: the document may name a VNet under migration as long as it leaves it as it is (netcfg is one
 * document for every VNet, so a user changing another VNet sends the locked one back unchanged); changing
 * or removing a locked VNet — its address space, subnets, location, DNS servers (their addresses
 * included), gateway or the local sites it connects to — is refused with
 * `Virtual Network {name} is in the process of being migrated and hence cannot be changed`. Which changes
 * Azure counted is not documented; this is our choice. A subnet's NSG or route table (netcfg carries both)
 * is an association of that NSG or route table too: adding, dropping or swapping one on any subnet is
 * refused while the NSG or route table is under migration (`NetworkSecurityGroup …`, `RouteTable …`), as
 * the association operations are.
 *
 * Removal: Azure deleted what a new document left out. The Classic inventory store cannot delete yet, so a
 * document that leaves out an existing VNet site, local network site or DNS server is refused (our
 * choice, said in the message) rather than silently keeping it.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import type { DnsServer, LocalNetworkSite, VirtualNetworkSite } from '../classic/network.schema';
import { badRequest } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import type { WritePlan } from './management-write';
import { standaloneLockTargets } from './standalone-lock-targets';

export interface NetworkConfigurationDocument {
  dnsServers: DnsServer[];
  localNetworkSites: LocalNetworkSite[];
  virtualNetworks: VirtualNetworkSite[];
}

/**
 * `merged` is the inventory with the document applied (replace by name, keeping what netcfg never
 * carries); the caller builds it with the Service Management adapter's merge.
 */
export function planSetNetworkConfiguration(
  current: ClassicInventory,
  document: NetworkConfigurationDocument,
  merged: ClassicInventory,
): WritePlan {
  const lockTargets: LockTarget[] = [
    ...current.virtualNetworks
      .filter((site) => {
        const replacement = findByName(document.virtualNetworks, site.name);
        return !replacement || netcfgView(site, current) !== netcfgView(replacement, document);
      })
      .map((site) =>
        resourceLockTarget('virtualNetwork', site.name, { kind: 'virtualNetwork', name: site.name }),
      ),
    ...changedSubnetAssociations(current, document).flatMap(({ kind, name }) =>
      standaloneLockTargets(current, kind, name),
    ),
  ];

  const left = [
    ...missing(current.virtualNetworks, document.virtualNetworks, 'virtual network'),
    ...missing(current.localNetworkSites, document.localNetworkSites, 'local network site'),
    ...missing(current.dnsServers, document.dnsServers, 'DNS server'),
  ];
  if (left.length > 0) {
    return {
      lockTargets,
      outcome: {
        ok: false,
        error: badRequest(
          `The network configuration leaves out ${left.join(', ')}. Removing network definitions is not supported by this service yet; send the configuration with them included.`,
        ),
      },
    };
  }
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: merged,
      changed: {
        virtualNetworks: document.virtualNetworks.map((site) => site.name),
        localNetworkSites: document.localNetworkSites.map((site) => site.name),
        dnsServers: document.dnsServers.map((server) => server.name),
      },
    },
  };
}

/**
 * The NSGs and route tables whose subnet associations the document changes (added, dropped or swapped on
 * any subnet, new VNets included), each once, with the inventory's spelling where it has one.
 */
function changedSubnetAssociations(
  current: ClassicInventory,
  document: NetworkConfigurationDocument,
): { kind: 'networkSecurityGroup' | 'routeTable'; name: string }[] {
  const found = new Map<string, { kind: 'networkSecurityGroup' | 'routeTable'; name: string }>();
  const note = (kind: 'networkSecurityGroup' | 'routeTable', before?: string, after?: string) => {
    if (sameName(before, after) || (before === undefined && after === undefined)) return;
    for (const name of [before, after]) {
      if (name === undefined) continue;
      const known =
        kind === 'networkSecurityGroup'
          ? findByName(current.networkSecurityGroups, name)
          : findByName(current.routeTables, name);
      found.set(`${kind}/${name.toLowerCase()}`, { kind, name: known?.name ?? name });
    }
  };
  const siteNames = [...current.virtualNetworks, ...document.virtualNetworks].map((site) => site.name);
  for (const siteName of siteNames) {
    const before = findByName(current.virtualNetworks, siteName)?.subnets ?? [];
    const after = findByName(document.virtualNetworks, siteName)?.subnets ?? [];
    for (const subnetName of [...before, ...after].map((subnet) => subnet.name)) {
      const old = findByName(before, subnetName);
      const next = findByName(after, subnetName);
      note('networkSecurityGroup', old?.networkSecurityGroup, next?.networkSecurityGroup);
      note('routeTable', old?.routeTable, next?.routeTable);
    }
  }
  return [...found.values()];
}

function missing<T extends { name: string }>(
  current: readonly T[],
  next: readonly T[],
  what: string,
): string[] {
  return current.filter((item) => !findByName(next, item.name)).map((item) => `${what} '${item.name}'`);
}

/** What netcfg says about a VNet, names lower-cased and lists sorted, as one comparable string. */
function netcfgView(
  site: VirtualNetworkSite,
  definitions: Pick<NetworkConfigurationDocument, 'dnsServers' | 'localNetworkSites'>,
): string {
  const lower = (value: string | undefined) => value?.toLowerCase();
  const sorted = <T>(values: T[]) => values.map((v) => JSON.stringify(v)).sort();
  return JSON.stringify({
    location: lower(site.location),
    affinityGroup: lower(site.affinityGroup),
    addressSpace: [...site.addressSpace].sort(),
    subnets: sorted(
      site.subnets.map((subnet) => ({
        name: lower(subnet.name),
        addressPrefix: subnet.addressPrefix,
        networkSecurityGroup: lower(subnet.networkSecurityGroup),
        routeTable: lower(subnet.routeTable),
      })),
    ),
    dns: sorted(
      site.dnsServerRefs.map((ref) => ({
        name: lower(ref),
        address: findByName(definitions.dnsServers, ref)?.address,
      })),
    ),
    gateway: site.gateway && {
      vpnClientAddressPool: [...site.gateway.vpnClientAddressPool].sort(),
      connections: sorted(
        site.gateway.connections.map((connection) => {
          const local = definitions.localNetworkSites.find((s) =>
            sameName(s.name, connection.localNetworkSiteName),
          );
          return {
            site: lower(connection.localNetworkSiteName),
            type: connection.connectionType,
            addressSpace: local ? [...local.addressSpace].sort() : undefined,
            vpnGatewayAddress: local?.vpnGatewayAddress,
          };
        }),
      ),
    },
  });
}
