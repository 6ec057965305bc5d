/**
 * A VM's Classic network configuration → its primary `Microsoft.Network/networkInterfaces`, and each
 * Classic secondary NIC → one more NIC (D1 "each NIC becomes a top-level resource with all
 * properties"). Pure.
 *
 * - Subnet: the VM's `SubnetNames/SubnetName` (secondary NICs: their IP configuration's subnet, else the
 *   VM's), or the destination subnet for a cloud service not in a VNet.
 * - Private IP: `Static` with the address when Classic had `StaticVirtualNetworkIPAddress` and the data
 *   plane is untouched; else `Dynamic` — keeping the current address when the data plane is untouched
 *   (VNet migrations), none when the VMs are deallocated (internal IPs change, D1).
 * - IP forwarding, NSG (the clone), backend pools and inbound NAT rules (primary IP configuration only),
 *   the instance-level public IP (Dynamic, MicrosoftDocs/azure-docs#51883), DNS servers from the
 *   deployment and `dnsSettings.internalDomainNameSuffix` from its InternalDnsSuffix (D1).
 */
import type { Deployment } from '../classic/compute.schema';
import { sameName } from '../classic/names';
import { uniqueChildName } from './child-names';
import { childClassicId } from './classic-ids';
import type { DeploymentNetwork } from './deployment-network';
import type { LoadBalancing } from './load-balancer.translate';
import { addPublicIp } from './public-ip.translate';
import type { TranslatedVm } from './translated-vm';
import { account, addResource, type TranslationContext } from './translation-context';

export interface NetworkInterfaces {
  primaryId: string;
  secondaryIds: string[];
}

export interface NetworkInterfaceInput {
  vm: TranslatedVm;
  deployment: Deployment;
  resourceGroup: string;
  location: string;
  /** Not `missingVirtualNetwork`: VMs of such deployments are refused before this point. */
  network: Exclude<DeploymentNetwork, { kind: 'missingVirtualNetwork' }>;
  loadBalancing: LoadBalancing;
}

export function translateNetworkInterfaces(
  ctx: TranslationContext,
  input: NetworkInterfaceInput,
): NetworkInterfaces {
  const { vm, deployment, network } = input;
  const role = vm.vm.role;
  const cloudService = vm.vm.cloudService;
  const untouched = network.dataPlaneUntouched;
  const primarySubnetName = role.network.subnetNames[0];
  const multiNic = role.network.networkInterfaces.length > 0;
  const dnsSettings = {
    ...(deployment.dnsServers.length > 0 ? { dnsServers: deployment.dnsServers.map((s) => s.address) } : {}),
    ...(deployment.internalDnsSuffix ? { internalDomainNameSuffix: deployment.internalDnsSuffix } : {}),
  };
  const nsgId = (name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const id = ctx.networkSecurityGroupIds.get(name.toLowerCase());
    if (!id)
      ctx.issues.push({
        code: 'NETWORK_SECURITY_GROUP_NOT_IN_SCOPE',
        message: `NSG ${name} of VM ${role.name} is not part of the scope; the NIC is left without it`,
        classicId: vm.classicId,
      });
    return id;
  };
  const dependsOnFor = (subnetId: string | undefined, securityGroupId: string | undefined) => [
    ...(subnetId ? [network.vnetId] : []),
    securityGroupId,
    ...input.loadBalancing.loadBalancerIds,
  ];

  // Instance-level public IP: Classic allows one per VM; any further one is dropped.
  let publicIpId: string | undefined;
  role.network.publicIps.forEach((publicIp, index) => {
    const classicId = childClassicId(vm.classicId, 'publicIps', publicIp.name);
    if (index > 0) {
      account(ctx, {
        classicId,
        classicType: 'InstancePublicIp',
        name: publicIp.name,
        outcome: 'dropped',
        armIds: [],
        reason:
          'An ARM IP configuration takes one public IP; only the first instance-level public IP migrates',
      });
      return;
    }
    publicIpId = addPublicIp(ctx, {
      request: {
        kind: 'instancePublicIp',
        classicId,
        principal: true,
        tokens: {
          cloudService: cloudService.name,
          deployment: deployment.name,
          vm: role.name,
          name: publicIp.name,
          index,
          location: input.location,
        },
      },
      resourceGroup: input.resourceGroup,
      location: input.location,
      allocation: 'Dynamic',
      domainNameLabel: publicIp.domainNameLabel,
      idleTimeoutInMinutes: publicIp.idleTimeoutInMinutes,
    });
    account(ctx, {
      classicId,
      classicType: 'InstancePublicIp',
      name: publicIp.name,
      outcome: 'migrated',
      armIds: [publicIpId],
    });
  });

  const primarySubnetId = network.subnetIdFor(primarySubnetName);
  const primaryStatic = untouched ? role.network.staticVirtualNetworkIPAddress : undefined;
  const keptAddress = untouched ? vm.vm.instance?.ipAddress : undefined;
  const primaryNsgId = nsgId(role.network.networkSecurityGroup);
  const pools = input.loadBalancing.backendPoolIdsOf(vm.classicId);
  const natRules = input.loadBalancing.natRuleIdsOf(vm.classicId);
  const primaryId = addResource(ctx, {
    request: {
      kind: 'primaryNetworkInterface',
      classicId: vm.classicId,
      tokens: {
        cloudService: cloudService.name,
        deployment: deployment.name,
        vm: role.name,
        name: role.name,
        location: input.location,
      },
    },
    resourceGroup: input.resourceGroup,
    type: 'Microsoft.Network/networkInterfaces',
    location: input.location,
    properties: {
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            primary: true,
            ...privateIp(primaryStatic, keptAddress),
            ...(primarySubnetId ? { subnet: { id: primarySubnetId } } : {}),
            ...(publicIpId ? { publicIPAddress: { id: publicIpId } } : {}),
            ...(pools.length > 0 ? { loadBalancerBackendAddressPools: pools.map((id) => ({ id })) } : {}),
            ...(natRules.length > 0 ? { loadBalancerInboundNatRules: natRules.map((id) => ({ id })) } : {}),
          },
        },
      ],
      enableIPForwarding: role.network.ipForwarding,
      ...(multiNic ? { primary: true } : {}),
      ...(Object.keys(dnsSettings).length > 0 ? { dnsSettings } : {}),
      ...(primaryNsgId ? { networkSecurityGroup: { id: primaryNsgId } } : {}),
    },
    dependsOn: [...dependsOnFor(primarySubnetId, primaryNsgId), publicIpId],
  });
  account(ctx, {
    classicId: childClassicId(vm.classicId, 'networkConfiguration', 'primary'),
    classicType: 'NetworkConfiguration',
    name: role.name,
    outcome: 'migrated',
    armIds: [primaryId],
  });

  const secondaryIds = role.network.networkInterfaces.map((nic, nicIndex) => {
    const classicId = childClassicId(vm.classicId, 'networkInterfaces', nic.name);
    const addresses =
      vm.vm.instance?.networkInterfaceAddresses.find((entry) => sameName(entry.name, nic.name))?.addresses ??
      [];
    const configurations = nic.ipConfigurations.length > 0 ? nic.ipConfigurations : [{}];
    const taken = new Set<string>();
    const subnetIds: (string | undefined)[] = [];
    const ipConfigurations = configurations.map((configuration, index) => {
      const subnetId = network.subnetIdFor(
        ('subnetName' in configuration ? configuration.subnetName : undefined) ?? primarySubnetName,
      );
      subnetIds.push(subnetId);
      const staticAddress =
        untouched && 'staticVirtualNetworkIPAddress' in configuration
          ? configuration.staticVirtualNetworkIPAddress
          : undefined;
      return {
        name: uniqueChildName(taken, `ipconfig${index + 1}`),
        properties: {
          primary: index === 0,
          ...privateIp(staticAddress, untouched ? addresses[index] : undefined),
          ...(subnetId ? { subnet: { id: subnetId } } : {}),
        },
      };
    });
    const securityGroupId = nsgId(nic.networkSecurityGroup);
    const id = addResource(ctx, {
      request: {
        kind: 'secondaryNetworkInterface',
        classicId,
        principal: true,
        tokens: {
          cloudService: cloudService.name,
          deployment: deployment.name,
          vm: role.name,
          nic: nic.name,
          name: nic.name,
          index: nicIndex,
          location: input.location,
        },
      },
      resourceGroup: input.resourceGroup,
      type: 'Microsoft.Network/networkInterfaces',
      location: input.location,
      properties: {
        ipConfigurations,
        enableIPForwarding: nic.ipForwarding,
        primary: false,
        ...(Object.keys(dnsSettings).length > 0 ? { dnsSettings } : {}),
        ...(securityGroupId ? { networkSecurityGroup: { id: securityGroupId } } : {}),
      },
      dependsOn: [subnetIds.some((s) => s !== undefined) ? network.vnetId : undefined, securityGroupId],
    });
    account(ctx, {
      classicId,
      classicType: 'NetworkInterface',
      name: nic.name,
      outcome: 'migrated',
      armIds: [id],
    });
    return id;
  });
  return { primaryId, secondaryIds };
}

function privateIp(
  staticAddress: string | undefined,
  keptAddress: string | undefined,
): Record<string, unknown> {
  if (staticAddress) return { privateIPAllocationMethod: 'Static', privateIPAddress: staticAddress };
  return { privateIPAllocationMethod: 'Dynamic', ...(keptAddress ? { privateIPAddress: keptAddress } : {}) };
}
