/**
 * Folds what one imported document describes into a subscription's Classic inventory. Pure: returns a
 * new inventory, never mutates its inputs.
 *
 * Semantics — replace by name, names compared case-insensitively (as Service Management does):
 * - Every resource in the part replaces the inventory's resource of the same name, in place, or is
 *   appended. Resources the part does not mention are kept: an import never deletes (a netcfg that
 *   lacks a VNet does not remove it; the subscription, affinity groups, ExpressRoute circuits and role
 *   assignments are never touched).
 * - A bare `Deployment` replaces the deployment of its cloud service with the same name, else the one in
 *   the same slot (a slot holds one deployment), else is added; a cloud service not yet in the inventory
 *   is created with only its name.
 * - Listings that omit a sub-list (List Hosted Services: no deployments; List NSGs: no rules; route
 *   tables without RouteList) keep the sub-list the inventory already had.
 * - Facts Service Management never returns, which other imports or scenarios may have set, are carried
 *   over from the replaced resource: `resourceGroup`; a cloud service's certificates; a deployment's
 *   `regionalScope` and `autoscaleSettings`; a VM role's alert rules, WinRM listeners and certificate
 *   thumbprints; a data disk's blob size and accessibility (by LUN); a VNet's peerings, hosted services,
 *   ExpressRoute gateway and gateway type/size/VIP.
 */
import type { CloudService, DataDisk, Deployment, Role } from '../../domain/classic/compute.schema';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { findByName, sameName } from '../../domain/classic/names';
import type { VirtualNetworkSite } from '../../domain/classic/network.schema';
import type { DeploymentOfCloudService, InventoryPart } from './inventory-part';

export function mergeInventory(existing: ClassicInventory, part: InventoryPart): ClassicInventory {
  const keepDeployments = new Set((part.cloudServicesWithoutDeployments ?? []).map((n) => n.toLowerCase()));
  const keepRules = new Set((part.networkSecurityGroupsWithoutRules ?? []).map((n) => n.toLowerCase()));
  const keepRoutes = new Set((part.routeTablesWithoutRoutes ?? []).map((n) => n.toLowerCase()));

  let cloudServices = replaceByName(existing.cloudServices, part.cloudServices, (incoming, old) => ({
    ...incoming,
    resourceGroup: old.resourceGroup,
    certificates: old.certificates,
    deployments: keepDeployments.has(incoming.name.toLowerCase())
      ? old.deployments
      : incoming.deployments.map((d) => carryOverDeployment(d, findByName(old.deployments, d.name))),
  }));
  for (const entry of part.deployments ?? []) cloudServices = withDeployment(cloudServices, entry);

  return {
    ...existing,
    cloudServices,
    virtualNetworks: replaceByName(existing.virtualNetworks, part.virtualNetworks, carryOverVirtualNetwork),
    localNetworkSites: replaceByName(existing.localNetworkSites, part.localNetworkSites),
    dnsServers: replaceByName(existing.dnsServers, part.dnsServers),
    reservedIps: replaceByName(existing.reservedIps, part.reservedIps, (incoming, old) => ({
      ...incoming,
      resourceGroup: old.resourceGroup,
    })),
    networkSecurityGroups: replaceByName(
      existing.networkSecurityGroups,
      part.networkSecurityGroups,
      (incoming, old) => ({
        ...incoming,
        resourceGroup: old.resourceGroup,
        rules: keepRules.has(incoming.name.toLowerCase()) ? old.rules : incoming.rules,
      }),
    ),
    routeTables: replaceByName(existing.routeTables, part.routeTables, (incoming, old) => ({
      ...incoming,
      resourceGroup: old.resourceGroup,
      routes: keepRoutes.has(incoming.name.toLowerCase()) ? old.routes : incoming.routes,
    })),
    storageAccounts: replaceByName(existing.storageAccounts, part.storageAccounts, (incoming, old) => ({
      ...incoming,
      resourceGroup: old.resourceGroup,
    })),
    disks: replaceByName(existing.disks, part.disks),
    vmImages: replaceByName(existing.vmImages, part.vmImages),
  };
}

/** Items of `incoming` replace same-named items of `current` in place (via `combine`) or are appended. */
function replaceByName<T extends { name: string }>(
  current: readonly T[],
  incoming: readonly T[] | undefined,
  combine: (incoming: T, old: T) => T = (item) => item,
): T[] {
  const result = [...current];
  for (const item of incoming ?? []) {
    const at = result.findIndex((old) => sameName(old.name, item.name));
    if (at < 0) result.push(item);
    else result[at] = combine(item, result[at] as T);
  }
  return result;
}

function withDeployment(cloudServices: CloudService[], entry: DeploymentOfCloudService): CloudService[] {
  const at = cloudServices.findIndex((s) => sameName(s.name, entry.cloudServiceName));
  const service: CloudService =
    at >= 0
      ? (cloudServices[at] as CloudService)
      : { name: entry.cloudServiceName, certificates: [], deployments: [], unknownElements: [] };
  const incoming = entry.deployment;
  const replaced =
    findByName(service.deployments, incoming.name) ??
    service.deployments.find((d) => d.slot === incoming.slot);
  const deployments = replaced
    ? service.deployments.map((d) => (d === replaced ? carryOverDeployment(incoming, replaced) : d))
    : [...service.deployments, incoming];
  const updated = { ...service, deployments };
  return at >= 0 ? cloudServices.map((s, i) => (i === at ? updated : s)) : [...cloudServices, updated];
}

function carryOverDeployment(incoming: Deployment, old: Deployment | undefined): Deployment {
  if (!old) return incoming;
  return {
    ...incoming,
    regionalScope: old.regionalScope,
    autoscaleSettings: old.autoscaleSettings,
    roles: incoming.roles.map((role) => carryOverRole(role, findByName(old.roles, role.name))),
  };
}

function carryOverRole(incoming: Role, old: Role | undefined): Role {
  if (incoming.roleType !== 'PersistentVMRole' || old?.roleType !== 'PersistentVMRole') return incoming;
  return {
    ...incoming,
    alertRules: old.alertRules,
    winRmListeners: old.winRmListeners,
    certificateThumbprints: old.certificateThumbprints,
    dataDisks: incoming.dataDisks.map((disk) =>
      carryOverDataDisk(
        disk,
        old.dataDisks.find((d) => d.lun === disk.lun),
      ),
    ),
  };
}

function carryOverDataDisk(incoming: DataDisk, old: DataDisk | undefined): DataDisk {
  if (!old) return incoming;
  return {
    ...incoming,
    mediaLinkAccessible: old.mediaLinkAccessible,
    ...(old.blobSizeBytes === undefined ? {} : { blobSizeBytes: old.blobSizeBytes }),
  };
}

function carryOverVirtualNetwork(incoming: VirtualNetworkSite, old: VirtualNetworkSite): VirtualNetworkSite {
  return {
    ...incoming,
    resourceGroup: old.resourceGroup,
    peerings: old.peerings,
    hosts: old.hosts,
    expressRouteGateway: old.expressRouteGateway,
    gateway:
      incoming.gateway && old.gateway
        ? {
            ...incoming.gateway,
            gatewayType: old.gateway.gatewayType,
            gatewaySize: old.gateway.gatewaySize,
            vipAddress: incoming.gateway.vipAddress ?? old.gateway.vipAddress,
          }
        : incoming.gateway,
  };
}
