/**
 * What a scope holds: the Classic resources that one migration locks and moves, resolved against the
 * subscription's inventory. Pure.
 *
 * - virtualNetwork: the VNet site, every deployment in it (with its cloud service), the NSGs and route
 *   tables associated with its subnets, VMs or NICs (cloned by migration), the local network sites its
 *   gateway connects to, the DNS servers it references, the reserved IPs bound to its deployments and the
 *   ExpressRoute circuits linked to it.
 * - cloudService: the cloud service and its deployment (not in a VNet), the reserved IPs bound to it and
 *   the NSGs associated with its VMs.
 * - storageAccount: the account, the disks and images whose blobs live in it, and the VMs using it.
 * - reservedIp / networkSecurityGroup / routeTable: the resource alone.
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName, storageAccountOfBlobUri } from '../classic/names';
import type {
  DnsServer,
  ExpressRouteCircuit,
  LocalNetworkSite,
  NetworkSecurityGroup,
  ReservedIp,
  RouteTable,
  VirtualNetworkSite,
} from '../classic/network.schema';
import type { ClassicDisk, StorageAccount, VmImage } from '../classic/storage.schema';
import { migratableDeploymentOf, type VirtualMachine, virtualMachinesOf } from '../classic/virtual-machines';
import type { ScopeKind, ScopeRef } from './scope';

export interface DeploymentInScope {
  cloudService: CloudService;
  deployment: Deployment;
}

export interface VirtualNetworkScope {
  kind: 'virtualNetwork';
  virtualNetwork: VirtualNetworkSite;
  deployments: DeploymentInScope[];
  networkSecurityGroups: NetworkSecurityGroup[];
  routeTables: RouteTable[];
  localNetworkSites: LocalNetworkSite[];
  dnsServers: DnsServer[];
  reservedIps: ReservedIp[];
  expressRouteCircuits: ExpressRouteCircuit[];
}

export interface CloudServiceScope {
  kind: 'cloudService';
  cloudService: CloudService;
  /** Undefined when the cloud service has no deployment (nothing to migrate). */
  deployment: Deployment | undefined;
  deployments: DeploymentInScope[];
  networkSecurityGroups: NetworkSecurityGroup[];
  reservedIps: ReservedIp[];
  dnsServers: DnsServer[];
}

export interface StorageAccountScope {
  kind: 'storageAccount';
  storageAccount: StorageAccount;
  /** Disks of the disk repository whose VHD lives in the account. */
  disks: ClassicDisk[];
  vmImages: VmImage[];
  /** VMs with an OS or data disk in the account. */
  virtualMachines: VirtualMachine[];
}

export interface ReservedIpScope {
  kind: 'reservedIp';
  reservedIp: ReservedIp;
}
export interface NetworkSecurityGroupScope {
  kind: 'networkSecurityGroup';
  networkSecurityGroup: NetworkSecurityGroup;
  /** Where the NSG is associated: `subnet <vnet>/<subnet>`, `vm <service>/<vm>`, `nic <service>/<vm>/<nic>`. */
  associations: string[];
}
export interface RouteTableScope {
  kind: 'routeTable';
  routeTable: RouteTable;
  associations: string[];
}

export type ScopeContents =
  | VirtualNetworkScope
  | CloudServiceScope
  | StorageAccountScope
  | ReservedIpScope
  | NetworkSecurityGroupScope
  | RouteTableScope;

/** The VMs of every deployment in a scope. */
export function virtualMachinesInScope(contents: ScopeContents): VirtualMachine[] {
  switch (contents.kind) {
    case 'virtualNetwork':
    case 'cloudService':
      return contents.deployments.flatMap(({ cloudService, deployment }) =>
        virtualMachinesOf(cloudService, deployment),
      );
    case 'storageAccount':
      return contents.virtualMachines;
    default:
      return [];
  }
}

/** Every deployment of the subscription, with its cloud service. */
export function allDeployments(inventory: ClassicInventory): DeploymentInScope[] {
  return inventory.cloudServices.flatMap((cloudService) =>
    cloudService.deployments.map((deployment) => ({ cloudService, deployment })),
  );
}

/** Resolves a scope against the inventory; undefined when the named resource does not exist. */
export function resolveScope(
  inventory: ClassicInventory,
  scope: Pick<ScopeRef, 'kind' | 'name'>,
): ScopeContents | undefined {
  switch (scope.kind) {
    case 'virtualNetwork':
      return resolveVirtualNetwork(inventory, scope.name);
    case 'cloudService':
      return resolveCloudService(inventory, scope.name);
    case 'storageAccount':
      return resolveStorageAccount(inventory, scope.name);
    case 'reservedIp': {
      const reservedIp = findByName(inventory.reservedIps, scope.name);
      return reservedIp && { kind: 'reservedIp', reservedIp };
    }
    case 'networkSecurityGroup': {
      const networkSecurityGroup = findByName(inventory.networkSecurityGroups, scope.name);
      return (
        networkSecurityGroup && {
          kind: 'networkSecurityGroup',
          networkSecurityGroup,
          associations: nsgAssociations(inventory, networkSecurityGroup.name),
        }
      );
    }
    case 'routeTable': {
      const routeTable = findByName(inventory.routeTables, scope.name);
      return (
        routeTable && {
          kind: 'routeTable',
          routeTable,
          associations: routeTableAssociations(inventory, routeTable.name),
        }
      );
    }
  }
}

function resolveVirtualNetwork(inventory: ClassicInventory, name: string): VirtualNetworkScope | undefined {
  const virtualNetwork = findByName(inventory.virtualNetworks, name);
  if (!virtualNetwork) return undefined;
  const deployments = allDeployments(inventory).filter(({ deployment }) =>
    sameName(deployment.virtualNetworkName, virtualNetwork.name),
  );
  const nsgNames = new Set<string>();
  const routeTableNames = new Set<string>();
  for (const subnet of virtualNetwork.subnets) {
    if (subnet.networkSecurityGroup) nsgNames.add(subnet.networkSecurityGroup.toLowerCase());
    if (subnet.routeTable) routeTableNames.add(subnet.routeTable.toLowerCase());
  }
  for (const name of vmNsgNames(deployments)) nsgNames.add(name);
  const siteNames = new Set(
    (virtualNetwork.gateway?.connections ?? []).map((c) => c.localNetworkSiteName.toLowerCase()),
  );
  const dnsNames = new Set(virtualNetwork.dnsServerRefs.map((ref) => ref.toLowerCase()));
  const circuitKeys = new Set(virtualNetwork.expressRouteGateway?.circuitServiceKeys ?? []);
  return {
    kind: 'virtualNetwork',
    virtualNetwork,
    deployments,
    networkSecurityGroups: inventory.networkSecurityGroups.filter((nsg) =>
      nsgNames.has(nsg.name.toLowerCase()),
    ),
    routeTables: inventory.routeTables.filter((table) => routeTableNames.has(table.name.toLowerCase())),
    localNetworkSites: inventory.localNetworkSites.filter((site) => siteNames.has(site.name.toLowerCase())),
    dnsServers: inventory.dnsServers.filter((server) => dnsNames.has(server.name.toLowerCase())),
    reservedIps: reservedIpsBoundTo(inventory, deployments),
    expressRouteCircuits: inventory.expressRouteCircuits.filter((circuit) =>
      circuitKeys.has(circuit.serviceKey),
    ),
  };
}

function resolveCloudService(inventory: ClassicInventory, name: string): CloudServiceScope | undefined {
  const cloudService = findByName(inventory.cloudServices, name);
  if (!cloudService) return undefined;
  const deployment = migratableDeploymentOf(cloudService);
  const deployments = deployment ? [{ cloudService, deployment }] : [];
  const nsgNames = new Set(vmNsgNames(deployments));
  return {
    kind: 'cloudService',
    cloudService,
    deployment,
    deployments,
    networkSecurityGroups: inventory.networkSecurityGroups.filter((nsg) =>
      nsgNames.has(nsg.name.toLowerCase()),
    ),
    reservedIps: reservedIpsBoundTo(inventory, deployments),
    dnsServers: deployment?.dnsServers ?? [],
  };
}

function resolveStorageAccount(inventory: ClassicInventory, name: string): StorageAccountScope | undefined {
  const storageAccount = findByName(inventory.storageAccounts, name);
  if (!storageAccount) return undefined;
  const inAccount = (uri: string) => sameName(storageAccountOfBlobUri(uri), storageAccount.name);
  const virtualMachines = allDeployments(inventory)
    .flatMap(({ cloudService, deployment }) => virtualMachinesOf(cloudService, deployment))
    .filter(
      ({ role }) =>
        inAccount(role.osDisk.mediaLink) || role.dataDisks.some((disk) => inAccount(disk.mediaLink)),
    );
  return {
    kind: 'storageAccount',
    storageAccount,
    disks: inventory.disks.filter((disk) => inAccount(disk.mediaLink)),
    vmImages: inventory.vmImages.filter((image) => image.mediaLinks.some(inAccount)),
    virtualMachines,
  };
}

function vmNsgNames(deployments: DeploymentInScope[]): string[] {
  return deployments.flatMap(({ deployment }) =>
    deployment.roles.flatMap((role) =>
      role.roleType === 'PersistentVMRole'
        ? [
            role.network.networkSecurityGroup,
            ...role.network.networkInterfaces.map((nic) => nic.networkSecurityGroup),
          ]
            .filter((name): name is string => name !== undefined)
            .map((name) => name.toLowerCase())
        : [],
    ),
  );
}

function reservedIpsBoundTo(inventory: ClassicInventory, deployments: DeploymentInScope[]): ReservedIp[] {
  const names = new Set<string>();
  for (const { cloudService, deployment } of deployments) {
    if (deployment.reservedIpName) names.add(deployment.reservedIpName.toLowerCase());
    for (const vip of deployment.virtualIps)
      if (vip.reservedIpName) names.add(vip.reservedIpName.toLowerCase());
    for (const reservedIp of inventory.reservedIps)
      if (sameName(reservedIp.serviceName, cloudService.name)) names.add(reservedIp.name.toLowerCase());
  }
  return inventory.reservedIps.filter((reservedIp) => names.has(reservedIp.name.toLowerCase()));
}

/** Where an NSG is associated, as readable labels (empty when unattached). */
export function nsgAssociations(inventory: ClassicInventory, nsgName: string): string[] {
  const labels: string[] = [];
  for (const vnet of inventory.virtualNetworks)
    for (const subnet of vnet.subnets)
      if (sameName(subnet.networkSecurityGroup, nsgName)) labels.push(`subnet ${vnet.name}/${subnet.name}`);
  for (const { cloudService, deployment } of allDeployments(inventory))
    for (const vm of virtualMachinesOf(cloudService, deployment)) {
      if (sameName(vm.role.network.networkSecurityGroup, nsgName))
        labels.push(`vm ${cloudService.name}/${vm.role.name}`);
      for (const nic of vm.role.network.networkInterfaces)
        if (sameName(nic.networkSecurityGroup, nsgName))
          labels.push(`nic ${cloudService.name}/${vm.role.name}/${nic.name}`);
    }
  return labels;
}

/** Where a route table is associated (subnets), as readable labels. */
export function routeTableAssociations(inventory: ClassicInventory, routeTableName: string): string[] {
  return inventory.virtualNetworks.flatMap((vnet) =>
    vnet.subnets
      .filter((subnet) => sameName(subnet.routeTable, routeTableName))
      .map((subnet) => `subnet ${vnet.name}/${subnet.name}`),
  );
}

/** The kind-specific display type Service Management uses in ValidationMessage/ResourceType. */
export const validationResourceTypes: Record<ScopeKind, string> = {
  virtualNetwork: 'VirtualNetwork',
  cloudService: 'Deployment',
  storageAccount: 'Storage',
  reservedIp: 'ReservedIP',
  networkSecurityGroup: 'NetworkSecurityGroup',
  routeTable: 'RouteTable',
};
