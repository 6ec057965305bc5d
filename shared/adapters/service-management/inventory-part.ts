/**
 * What one imported document contributes to a subscription's Classic inventory, and how much of it.
 * Collections are replaced by name when merged (see `mergeInventory`); the `…Without…` lists name items
 * whose document did not carry a sub-list at all (a listing without details), so the merge keeps what
 * the inventory already knew instead of emptying it.
 */
import type { CloudService, Deployment } from '../../domain/classic/compute.schema';
import type {
  DnsServer,
  LocalNetworkSite,
  NetworkSecurityGroup,
  ReservedIp,
  RouteTable,
  VirtualNetworkSite,
} from '../../domain/classic/network.schema';
import type { ClassicDisk, StorageAccount, VmImage } from '../../domain/classic/storage.schema';

export interface DeploymentOfCloudService {
  cloudServiceName: string;
  deployment: Deployment;
}

export interface InventoryPart {
  cloudServices?: CloudService[];
  /** Cloud services read without a `Deployments` element (List Hosted Services, Get without embed-detail). */
  cloudServicesWithoutDeployments?: string[];
  /** Bare `Deployment` documents, with the cloud service the caller named. */
  deployments?: DeploymentOfCloudService[];
  virtualNetworks?: VirtualNetworkSite[];
  localNetworkSites?: LocalNetworkSite[];
  dnsServers?: DnsServer[];
  reservedIps?: ReservedIp[];
  networkSecurityGroups?: NetworkSecurityGroup[];
  /** NSGs read without `Rules` (List Network Security Groups, Get without detaillevel=Full). */
  networkSecurityGroupsWithoutRules?: string[];
  routeTables?: RouteTable[];
  /** Route tables read without `RouteList`. */
  routeTablesWithoutRoutes?: string[];
  storageAccounts?: StorageAccount[];
  disks?: ClassicDisk[];
  vmImages?: VmImage[];
}

export interface ImportCounts {
  cloudServices: number;
  deployments: number;
  /** PersistentVMRoles in the deployments read. */
  virtualMachines: number;
  virtualNetworks: number;
  localNetworkSites: number;
  dnsServers: number;
  reservedIps: number;
  networkSecurityGroups: number;
  routeTables: number;
  storageAccounts: number;
  disks: number;
  vmImages: number;
}

export function countInventoryPart(part: InventoryPart): ImportCounts {
  const deployments = [
    ...(part.cloudServices ?? []).flatMap((service) => service.deployments),
    ...(part.deployments ?? []).map((entry) => entry.deployment),
  ];
  return {
    cloudServices: part.cloudServices?.length ?? 0,
    deployments: deployments.length,
    virtualMachines: deployments.flatMap((d) => d.roles).filter((r) => r.roleType === 'PersistentVMRole')
      .length,
    virtualNetworks: part.virtualNetworks?.length ?? 0,
    localNetworkSites: part.localNetworkSites?.length ?? 0,
    dnsServers: part.dnsServers?.length ?? 0,
    reservedIps: part.reservedIps?.length ?? 0,
    networkSecurityGroups: part.networkSecurityGroups?.length ?? 0,
    routeTables: part.routeTables?.length ?? 0,
    storageAccounts: part.storageAccounts?.length ?? 0,
    disks: part.disks?.length ?? 0,
    vmImages: part.vmImages?.length ?? 0,
  };
}
