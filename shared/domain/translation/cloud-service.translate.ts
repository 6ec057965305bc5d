/**
 * A cloud service deployment → its `<cs>-Migrated` resource group with VMs, NICs, load balancers, public
 * IPs, availability set and key vault (D1). Used by the cloud-service scope (destination New/Existing)
 * and, for each deployment in it, by the VNet scope. Pure.
 *
 * A VM refused as a whole (no subnet in its VNet, an unknown subnet, a VNet that does not exist) is
 * accounted with every part of it and generates nothing; web/worker roles are refused (D3: PaaS).
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import { paasRolesOf, type VirtualMachine, virtualMachinesOf } from '../classic/virtual-machines';
import type { Destination } from '../scope/destination';
import { resolveArmLocation } from './arm-location';
import { translateAvailabilitySets } from './availability-set.translate';
import {
  childClassicId,
  cloudServiceClassicId,
  deploymentClassicId,
  virtualMachineClassicId,
} from './classic-ids';
import { type DeploymentNetwork, resolveDeploymentNetwork } from './deployment-network';
import { translateKeyVault } from './key-vault.translate';
import { translateLoadBalancing } from './load-balancer.translate';
import { translateNetworkInterfaces } from './network-interface.translate';
import type { TranslatedVm } from './translated-vm';
import {
  account,
  isAccounted,
  nameResource,
  type TranslationContext,
  useResourceGroup,
} from './translation-context';
import type { AccountingEntry } from './translation-result';
import { translateVirtualMachine } from './virtual-machine.translate';

export interface CloudServicePlacement {
  resourceGroup: string;
  location: string;
}

/** The location and resource group of a cloud service (registers the group). */
export function cloudServicePlacement(
  ctx: TranslationContext,
  cloudService: CloudService,
  fallbackLocation: string | undefined,
): CloudServicePlacement {
  const classicId = cloudServiceClassicId(ctx.subscriptionId, cloudService);
  const known = resolveArmLocation(ctx.inventory, cloudService) ?? fallbackLocation;
  const location = known ?? ctx.options.defaultLocation;
  if (!known)
    ctx.issues.push({
      code: 'LOCATION_UNKNOWN',
      message: `Cloud service ${cloudService.name} has no location or known affinity group; using ${location}`,
      classicId,
    });
  const resourceGroup = useResourceGroup(
    ctx,
    {
      kind: 'cloudServiceResourceGroup',
      classicId,
      tokens: { cloudService: cloudService.name, name: cloudService.name, location },
    },
    location,
  );
  return { resourceGroup, location };
}

export function translateDeployment(
  ctx: TranslationContext,
  cloudService: CloudService,
  deployment: Deployment,
  placement: CloudServicePlacement,
  destination: Destination,
): void {
  const { resourceGroup, location } = placement;
  const csClassicId = cloudServiceClassicId(ctx.subscriptionId, cloudService);
  const deploymentId = deploymentClassicId(ctx.subscriptionId, cloudService, deployment);
  const network = resolveDeploymentNetwork(
    ctx,
    cloudService,
    deployment,
    resourceGroup,
    location,
    destination,
  );

  const all: TranslatedVm[] = virtualMachinesOf(cloudService, deployment).map((vm) => {
    const classicId = virtualMachineClassicId(ctx.subscriptionId, cloudService, deployment, vm.role.name);
    const { name, id } = nameResource(
      ctx,
      {
        kind: 'virtualMachine',
        classicId,
        principal: true,
        tokens: {
          cloudService: cloudService.name,
          deployment: deployment.name,
          vm: vm.role.name,
          name: vm.role.name,
          location,
        },
      },
      resourceGroup,
      'Microsoft.Compute/virtualMachines',
    );
    return { vm, classicId, name, id };
  });
  const refusals = new Map(all.map((vm) => [vm.classicId, refusalOf(vm.vm, network)] as const));
  const vms = all.filter((vm) => refusals.get(vm.classicId) === undefined);
  const refusedVms = all.filter((vm) => refusals.get(vm.classicId) !== undefined);
  for (const vm of refusedVms) refuseVirtualMachine(ctx, vm, refusals.get(vm.classicId) ?? '');

  for (const role of paasRolesOf(deployment))
    account(ctx, {
      classicId: childClassicId(deploymentId, 'roles', role.name),
      classicType: 'WebWorkerRole',
      name: role.name,
      outcome: 'refused',
      armIds: [],
      reason: `Migration is not supported for Deployment ${deployment.name} in HostedService ${cloudService.name} because it is a PaaS deployment (Web/Worker).`,
    });

  const availabilitySets = translateAvailabilitySets(
    ctx,
    cloudService,
    deployment,
    vms.map((vm) => ({ availabilitySetName: vm.vm.role.availabilitySetName, vmId: vm.id })),
    resourceGroup,
    location,
  );
  for (const vm of refusedVms) {
    const name = vm.vm.role.availabilitySetName;
    const classicId = name && childClassicId(deploymentId, 'availabilitySets', name);
    if (
      classicId &&
      !availabilitySets.has(name.toLowerCase()) &&
      !isAccounted(ctx, 'AvailabilitySet', classicId)
    )
      account(ctx, {
        classicId,
        classicType: 'AvailabilitySet',
        name,
        outcome: 'refused',
        armIds: [],
        reason: 'Every VM in the availability set is refused',
      });
  }
  const keyVault = translateKeyVault(ctx, cloudService, resourceGroup, location);
  const loadBalancing = translateLoadBalancing(ctx, {
    cloudService,
    deployment,
    vms,
    refusedVms,
    resourceGroup,
    location,
    network,
  });

  const nicIds: string[] = [];
  if (network.kind !== 'missingVirtualNetwork')
    for (const vm of vms) {
      const nics = translateNetworkInterfaces(ctx, {
        vm,
        deployment,
        resourceGroup,
        location,
        network,
        loadBalancing,
      });
      nicIds.push(nics.primaryId, ...nics.secondaryIds);
      const setName = vm.vm.role.availabilitySetName;
      translateVirtualMachine(ctx, {
        vm,
        resourceGroup,
        location,
        nics,
        availabilitySetId: setName ? availabilitySets.get(setName.toLowerCase()) : undefined,
        keyVault,
      });
    }

  for (const server of deployment.dnsServers)
    account(ctx, {
      classicId: childClassicId(deploymentId, 'dnsServers', server.name),
      classicType: 'DnsServer',
      name: server.name,
      ...(nicIds.length > 0
        ? { outcome: 'migrated' as const, armIds: nicIds, note: 'dnsSettings.dnsServers of the NICs' }
        : { outcome: 'dropped' as const, armIds: [], reason: 'No VM of the deployment migrates' }),
    });
  for (const setting of deployment.autoscaleSettings)
    account(ctx, {
      classicId: childClassicId(deploymentId, 'autoscaleSettings', setting.name),
      classicType: 'AutoscaleSetting',
      name: setting.name,
      outcome: 'dropped',
      armIds: [],
      reason: 'Autoscale policies are dropped by migration; re-create them in Resource Manager (D2)',
    });
  const migratedVms = vms.map((vm) => vm.id);
  account(ctx, {
    classicId: deploymentId,
    classicType: 'Deployment',
    name: deployment.name,
    outcome: 'migrated',
    armIds: [resourceGroupArmId(ctx, resourceGroup), ...migratedVms],
  });
  account(ctx, {
    classicId: csClassicId,
    classicType: 'CloudService',
    name: cloudService.name,
    outcome: 'migrated',
    armIds: [resourceGroupArmId(ctx, resourceGroup)],
    note: `Resource group ${resourceGroup}; the name becomes the DNS label of the public IP`,
  });
}

function resourceGroupArmId(ctx: TranslationContext, resourceGroup: string): string {
  return `/subscriptions/${ctx.subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** Why a VM cannot be translated at all; undefined when it can. */
function refusalOf(vm: VirtualMachine, network: DeploymentNetwork): string | undefined {
  if (network.kind === 'missingVirtualNetwork')
    return `The virtual network ${network.vnetName} does not exist.`;
  if (network.kind !== 'virtualNetwork') return undefined;
  const subnetName = vm.role.network.subnetNames[0];
  if (subnetName === undefined)
    return `VM ${vm.role.name} is in a virtual network but not in a subnet; VMs in a VNet without an explicit subnet cannot migrate (D2)`;
  if (network.subnetIdFor(subnetName) === undefined)
    return `Subnet ${subnetName} of VM ${vm.role.name} does not exist in the virtual network`;
  for (const nic of vm.role.network.networkInterfaces)
    for (const configuration of nic.ipConfigurations)
      if (
        configuration.subnetName !== undefined &&
        network.subnetIdFor(configuration.subnetName) === undefined
      )
        return `Subnet ${configuration.subnetName} of NIC ${nic.name} does not exist in the virtual network`;
  return undefined;
}

/** Accounts a refused VM and every part of it with the same reason. */
function refuseVirtualMachine(ctx: TranslationContext, vm: TranslatedVm, reason: string): void {
  const role = vm.vm.role;
  const refuse = (entry: Omit<AccountingEntry, 'outcome' | 'armIds' | 'reason'>) =>
    account(ctx, { ...entry, outcome: 'refused', armIds: [], reason });
  refuse({ classicId: vm.classicId, classicType: 'VirtualMachine', name: role.name });
  refuse({
    classicId: childClassicId(vm.classicId, 'disks', role.osDisk.diskName),
    classicType: 'OsDisk',
    name: role.osDisk.diskName,
  });
  for (const disk of role.dataDisks)
    refuse({
      classicId: childClassicId(vm.classicId, 'disks', disk.diskName),
      classicType: 'DataDisk',
      name: disk.diskName,
    });
  refuse({
    classicId: childClassicId(vm.classicId, 'networkConfiguration', 'primary'),
    classicType: 'NetworkConfiguration',
    name: role.name,
  });
  for (const nic of role.network.networkInterfaces)
    refuse({
      classicId: childClassicId(vm.classicId, 'networkInterfaces', nic.name),
      classicType: 'NetworkInterface',
      name: nic.name,
    });
  for (const publicIp of role.network.publicIps)
    refuse({
      classicId: childClassicId(vm.classicId, 'publicIps', publicIp.name),
      classicType: 'InstancePublicIp',
      name: publicIp.name,
    });
  for (const endpoint of role.network.inputEndpoints)
    refuse({
      classicId: childClassicId(vm.classicId, 'inputEndpoints', endpoint.name),
      classicType: 'InputEndpoint',
      name: endpoint.name,
    });
  for (const extension of role.extensions)
    refuse({
      classicId: childClassicId(vm.classicId, 'extensions', extension.referenceName),
      classicType: 'ResourceExtension',
      name: extension.referenceName,
    });
  for (const alert of role.alertRules)
    refuse({
      classicId: childClassicId(vm.classicId, 'alertRules', alert.name),
      classicType: 'AlertRule',
      name: alert.name,
    });
}
