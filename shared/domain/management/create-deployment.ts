/**
 * Create Virtual Machine Deployment (`POST /{sub}/services/hostedservices/{service}/deployments`, body
 * `Deployment`): adds a running IaaS deployment to an existing cloud service. Refused while the cloud
 * service (`HostedService …`), the VNet it joins (`Virtual Network …`) or a storage account holding its
 * disks (`Storage account …`) is under migration. Pure.
 *
 * What Azure fills in that a create body does not carry is ours to choose: the deployment runs, every VM
 * gets one Ready/Started instance named after its role, the VIP is named `<service>ContractContract` (the
 * name Azure gave a cloud service's first VIP) without an address, since this service allocates none.
 */
import { type Deployment, deploymentSchema, type RoleInstance } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName, storageAccountOfBlobUri } from '../classic/names';
import { isPersistentVmRole } from '../classic/virtual-machines';
import { scopeCoveringCloudService } from '../scope/covering-scope';
import { locateCloudService } from './locate';
import { badRequest, conflict } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export function planCreateDeployment(
  inventory: ClassicInventory,
  serviceName: string,
  requested: Deployment,
  now: string,
): WritePlan {
  const located = locateCloudService(inventory, serviceName);
  if (!located.ok) return refuse(located.error);
  const service = located.value;
  const vnet = findByName(inventory.virtualNetworks, requested.virtualNetworkName);
  const lockTargets = deploymentLockTargets(inventory, service.name, requested, vnet?.name);
  const refuseWith = (message: string, kind: 'conflict' | 'bad' = 'bad') =>
    refuse(kind === 'conflict' ? conflict(message) : badRequest(message), lockTargets);

  // Our texts, except the VNet one (H5 #4).
  if (service.deployments.some((d) => d.slot === requested.slot)) {
    return refuseWith(
      `Hosted service '${service.name}' already has a deployment in the ${requested.slot} slot.`,
      'conflict',
    );
  }
  if (requested.virtualNetworkName !== undefined && !vnet) {
    return refuseWith(`The virtual network ${requested.virtualNetworkName} does not exist.`);
  }
  const vms = requested.roles.filter(isPersistentVmRole);
  if (vms.length === 0 || vms.length !== requested.roles.length) {
    return refuseWith(
      'A virtual machine deployment must list at least one PersistentVMRole and no other roles.',
    );
  }
  for (const vm of vms) {
    const unknownSubnet = vm.network.subnetNames.find(
      (subnet) => !vnet?.subnets.some((known) => sameName(known.name, subnet)),
    );
    if (unknownSubnet !== undefined) {
      return refuseWith(
        vnet
          ? `The subnet ${unknownSubnet} does not exist in virtual network ${vnet.name}.`
          : `Role ${vm.name} names subnet ${unknownSubnet}, but the deployment is not in a virtual network.`,
      );
    }
  }

  const instances: RoleInstance[] = vms.map((vm) => ({
    roleName: vm.name,
    instanceName: vm.name,
    instanceStatus: 'ReadyRole',
    powerState: 'Started',
    instanceSize: vm.roleSize,
    ...(vm.network.staticVirtualNetworkIPAddress === undefined
      ? {}
      : { ipAddress: vm.network.staticVirtualNetworkIPAddress }),
    ...(vm.provisionGuestAgent ? { guestAgentStatus: 'Ready' as const } : {}),
    extensionStatuses: [],
    networkInterfaceAddresses: [],
    publicIpAddresses: [],
    unknownElements: [],
  }));
  const deployment = deploymentSchema.parse({
    ...requested,
    ...(vnet ? { virtualNetworkName: vnet.name } : {}),
    status: 'Running',
    url: requested.url ?? `http://${service.name.toLowerCase()}.cloudapp.net/`,
    roleInstances: requested.roleInstances.length > 0 ? requested.roleInstances : instances,
    virtualIps:
      requested.virtualIps.length > 0
        ? requested.virtualIps
        : [{ name: `${service.name}ContractContract`, isDnsProgrammed: true }],
    createdTime: now,
    lastModifiedTime: now,
  });
  const updated = { ...service, deployments: [...service.deployments, deployment], dateLastModified: now };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...inventory,
        cloudServices: inventory.cloudServices.map((s) => (s === service ? updated : s)),
      },
      changed: { cloudServices: [service.name] },
    },
  };
}

/** The cloud service, then the VNet it joins, then every storage account holding one of its disks. */
function deploymentLockTargets(
  inventory: ClassicInventory,
  serviceName: string,
  deployment: Deployment,
  vnetName: string | undefined,
): LockTarget[] {
  const service = findByName(inventory.cloudServices, serviceName);
  const targets: LockTarget[] = service
    ? [resourceLockTarget('cloudService', service.name, scopeCoveringCloudService(service))]
    : [];
  if (vnetName !== undefined) {
    targets.push(resourceLockTarget('virtualNetwork', vnetName, { kind: 'virtualNetwork', name: vnetName }));
  }
  for (const account of storageAccountsOf(deployment)) {
    targets.push(resourceLockTarget('storageAccount', account, { kind: 'storageAccount', name: account }));
  }
  return targets;
}

/** The storage accounts holding a deployment's OS and data disks, each once. */
export function storageAccountsOf(deployment: Deployment): string[] {
  const accounts = new Set<string>();
  for (const role of deployment.roles.filter(isPersistentVmRole)) {
    for (const uri of [role.osDisk.mediaLink, ...role.dataDisks.map((disk) => disk.mediaLink)]) {
      const account = storageAccountOfBlobUri(uri);
      if (account !== undefined) accounts.add(account);
    }
  }
  return [...accounts];
}
