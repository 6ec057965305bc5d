/**
 * The Classic side of a scope (the status's `classic`: the scope's contents as the inventory holds them),
 * indexed for the side-by-side view and the diagram: deployments by cloud service, VMs with their internal
 * address and subnet, and the key properties of any Classic item a mapping row names.
 */
import type { MappingEntry } from '../api/types';
import { parseClassicId } from './classic-id';
import { arr, blobPath, byName, type Loose, obj, type Prop, props, same, str, strings } from './loose';

export interface ClassicDeployment {
  cloudService: Loose;
  deployment: Loose;
  /** The cloud service's resource group as Classic ids show it (its own name unless the inventory says). */
  resourceGroup: string;
}

export interface ClassicVm {
  name: string;
  cloudService: string;
  ip?: string;
  subnets: string[];
  size?: string;
  os?: string;
}

export class ClassicView {
  readonly kind: string | undefined;
  readonly contents: Loose;
  readonly deployments: ClassicDeployment[];

  constructor(classic: unknown) {
    this.contents = obj(classic) ?? {};
    this.kind = str(this.contents.kind);
    this.deployments = arr(this.contents.deployments).map((entry) => {
      const cloudService = obj(entry.cloudService) ?? {};
      return {
        cloudService,
        deployment: obj(entry.deployment) ?? {},
        resourceGroup: str(cloudService.resourceGroup) ?? str(cloudService.name) ?? '',
      };
    });
  }

  get present(): boolean {
    return this.kind !== undefined;
  }

  get virtualNetwork(): Loose | undefined {
    return obj(this.contents.virtualNetwork);
  }

  /** Every VM of the scope's deployments, with the address it has now. */
  virtualMachines(): ClassicVm[] {
    return this.deployments.flatMap(({ cloudService, deployment }) =>
      arr(deployment.roles)
        .filter((role) => str(role.roleType) === 'PersistentVMRole')
        .map((role) => vmOf(cloudService, deployment, role)),
    );
  }

  /** The key properties of the Classic item a mapping row names; none when it cannot be found (e.g. after Commit). */
  propsOf(entry: Pick<MappingEntry, 'classicId' | 'classicType' | 'name'>): Prop[] {
    try {
      return this.#props(entry);
    } catch {
      return [];
    }
  }

  #props({ classicId, classicType, name }: Pick<MappingEntry, 'classicId' | 'classicType' | 'name'>): Prop[] {
    const id = parseClassicId(classicId);
    const vnet = this.virtualNetwork;
    switch (classicType) {
      case 'VirtualNetwork':
        return vnet
          ? props(
              ['Address space', strings(vnet.addressSpace).join(', ')],
              ['Location', str(vnet.location)],
              ['Subnets', arr(vnet.subnets).length],
              ['DNS servers', strings(vnet.dnsServerRefs).join(', ')],
            )
          : [];
      case 'Subnet': {
        const subnet = byName(arr(vnet?.subnets), name);
        return subnet
          ? props(
              ['Prefix', str(subnet.addressPrefix)],
              ['NSG', str(subnet.networkSecurityGroup)],
              ['Route table', str(subnet.routeTable)],
            )
          : [];
      }
      case 'DnsServer':
        return props(['Address', str(byName(this.#all('dnsServers'), name)?.address)]);
      case 'LocalNetworkSite': {
        const site = byName(this.#all('localNetworkSites'), name);
        return props(
          ['Address space', strings(site?.addressSpace).join(', ')],
          ['VPN device', str(site?.vpnGatewayAddress)],
        );
      }
      case 'VpnGateway': {
        const gateway = obj(vnet?.gateway);
        return props(
          ['Type', str(gateway?.gatewayType)],
          ['Size', str(gateway?.gatewaySize)],
          ['VIP', str(gateway?.vipAddress)],
        );
      }
      case 'NetworkSecurityGroup': {
        const nsg = byName(this.#all('networkSecurityGroups', 'networkSecurityGroup'), name);
        const rules = arr(nsg?.rules).filter((rule) => rule.isDefault !== true);
        return props(['Rules', rules.length], ...rules.slice(0, 3).map(nsgRule));
      }
      case 'RouteTable': {
        const table = byName(this.#all('routeTables', 'routeTable'), name);
        const routes = arr(table?.routes);
        return props(['Routes', routes.length], ...routes.slice(0, 3).map(route));
      }
      case 'ReservedIp': {
        const ip = byName(this.#all('reservedIps', 'reservedIp'), name);
        return props(
          ['Address', str(ip?.address)],
          ['Location', str(ip?.location)],
          ['Used by', str(ip?.serviceName)],
        );
      }
      case 'StorageAccount': {
        const account = obj(this.contents.storageAccount);
        return props(['Type', str(account?.accountType)], ['Location', str(account?.location)]);
      }
      case 'Disk': {
        const disk = byName(arr(this.contents.disks), name);
        return props(
          ['OS', str(disk?.os)],
          ['Size (GB)', str(disk?.logicalDiskSizeInGB)],
          ['VHD', blobPath(str(disk?.mediaLink))],
        );
      }
    }
    const found = id && this.#deploymentOf(id.cloudService, id.virtualMachine, id.resourceGroup, id.slot);
    if (!found || !id) return [];
    const { cloudService, deployment } = found;
    const role = id.virtualMachine ? byName(arr(deployment.roles), id.virtualMachine) : undefined;
    const network = obj(role?.network);
    const childName = id.child[1];
    switch (classicType) {
      case 'CloudService':
        return props(
          ['Location', str(cloudService.location)],
          ['DNS name', `${str(cloudService.name) ?? name}.cloudapp.net`],
        );
      case 'Deployment':
        return props(
          ['Slot', str(deployment.slot)],
          ['VNet', str(deployment.virtualNetworkName)],
          [
            'VIPs',
            arr(deployment.virtualIps)
              .map((vip) => str(vip.address))
              .filter(Boolean)
              .join(', '),
          ],
          ['VMs', arr(deployment.roles).length],
        );
      case 'VirtualIp': {
        const vip = byName(arr(deployment.virtualIps), childName);
        return props(
          ['Address', str(vip?.address)],
          ['Reserved', vip?.isReserved === true ? (str(vip.reservedIpName) ?? 'yes') : 'no'],
        );
      }
      case 'InternalLoadBalancer': {
        const ilb = byName(arr(deployment.internalLoadBalancers), childName);
        return props(['Subnet', str(ilb?.subnetName)], ['IP', str(ilb?.staticVirtualNetworkIPAddress)]);
      }
      case 'LoadBalancedEndpointSet': {
        const members = arr(deployment.roles).flatMap((r) =>
          arr(obj(r.network)?.inputEndpoints).filter((e) =>
            same(str(e.loadBalancedEndpointSetName), childName),
          ),
        );
        const first = members[0];
        const probe = obj(first?.probe);
        return props(
          ['Port', first ? endpointPorts(first) : undefined],
          [
            'Probe',
            probe
              ? `${str(probe.protocol) ?? ''} ${str(probe.port) ?? ''}${str(probe.path) ?? ''}`
              : undefined,
          ],
          ['VMs', members.length],
        );
      }
      case 'AvailabilitySet':
        return props([
          'VMs',
          arr(deployment.roles).filter((r) => same(str(r.availabilitySetName), childName)).length,
        ]);
      case 'VirtualMachine': {
        if (!role) return [];
        const vm = vmOf(cloudService, deployment, role);
        return props(
          ['Size', vm.size],
          ['OS', vm.os],
          ['IP', vm.ip],
          ['Subnet', vm.subnets.join(', ')],
          ['Availability set', str(role.availabilitySetName)],
          ['Data disks', arr(role.dataDisks).length || undefined],
        );
      }
      case 'NetworkConfiguration':
        return props(
          ['Subnet', strings(network?.subnetNames).join(', ')],
          ['Static IP', str(network?.staticVirtualNetworkIPAddress)],
          ['Endpoints', arr(network?.inputEndpoints).length || undefined],
          ['IP forwarding', network?.ipForwarding === true ? 'on' : undefined],
        );
      case 'NetworkInterface': {
        const nic = byName(arr(network?.networkInterfaces), childName);
        const config = arr(nic?.ipConfigurations)[0];
        return props(['Subnet', str(config?.subnetName)], ['IP', str(config?.staticVirtualNetworkIPAddress)]);
      }
      case 'InstancePublicIp': {
        const ip = byName(arr(network?.publicIps), childName);
        return props(['DNS label', str(ip?.domainNameLabel)]);
      }
      case 'OsDisk': {
        const disk = obj(role?.osDisk);
        return props(
          ['OS', str(disk?.os)],
          ['Caching', str(disk?.hostCaching)],
          ['VHD', blobPath(str(disk?.mediaLink))],
        );
      }
      case 'DataDisk': {
        const disk = byName(arr(role?.dataDisks), childName, 'diskName');
        return props(
          ['Size (GB)', str(disk?.logicalDiskSizeInGB)],
          ['LUN', str(disk?.lun)],
          ['Caching', str(disk?.hostCaching)],
          ['VHD', blobPath(str(disk?.mediaLink))],
        );
      }
      case 'InputEndpoint': {
        const endpoint = byName(arr(network?.inputEndpoints), childName);
        return endpoint
          ? props(
              ['Port', endpointPorts(endpoint)],
              ['Load-balanced set', str(endpoint.loadBalancedEndpointSetName)],
              ['ACL rules', arr(endpoint.acl).length || undefined],
            )
          : [];
      }
      case 'ResourceExtension': {
        const extension = byName(arr(role?.extensions), childName, 'referenceName');
        return props(
          [
            'Extension',
            extension ? `${str(extension.publisher) ?? ''}/${str(extension.name) ?? ''}` : undefined,
          ],
          ['Version', str(extension?.version)],
        );
      }
      case 'AlertRule':
        return props(['Metric', str(byName(arr(role?.alertRules), childName)?.metric)]);
      default:
        return [];
    }
  }

  /** A collection of the scope's contents, whether it holds many (`networkSecurityGroups`) or one. */
  #all(many: string, one?: string): Loose[] {
    const single = one ? obj(this.contents[one]) : undefined;
    return [...arr(this.contents[many]), ...(single ? [single] : [])];
  }

  #deploymentOf(
    cloudService: string | undefined,
    virtualMachine: string | undefined,
    resourceGroup: string,
    slot: string,
  ): ClassicDeployment | undefined {
    const inSlot = this.deployments.filter((d) => same(str(d.deployment.slot) ?? 'Production', slot));
    if (cloudService) return inSlot.find((d) => same(str(d.cloudService.name), cloudService));
    return inSlot.find(
      (d) =>
        same(d.resourceGroup, resourceGroup) && byName(arr(d.deployment.roles), virtualMachine) !== undefined,
    );
  }
}

function vmOf(cloudService: Loose, deployment: Loose, role: Loose): ClassicVm {
  const name = str(role.name) ?? '';
  const network = obj(role.network);
  const instance = byName(arr(deployment.roleInstances), name, 'roleName');
  return {
    name,
    cloudService: str(cloudService.name) ?? '',
    ...optional('ip', str(instance?.ipAddress) ?? str(network?.staticVirtualNetworkIPAddress)),
    subnets: strings(network?.subnetNames),
    ...optional('size', str(role.roleSize)),
    ...optional('os', str(obj(role.osDisk)?.os)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function endpointPorts(endpoint: Loose): string {
  return `${(str(endpoint.protocol) ?? 'tcp').toUpperCase()} ${str(endpoint.port) ?? '?'} → ${str(endpoint.localPort) ?? '?'}`;
}

function nsgRule(rule: Loose): [string, string] {
  return [
    str(rule.name) ?? 'rule',
    `${str(rule.action) ?? ''} ${str(rule.protocol) ?? ''} ${str(rule.destinationPortRange) ?? ''} ${(str(rule.type) ?? '').toLowerCase()} from ${str(rule.sourceAddressPrefix) ?? ''}`,
  ];
}

function route(entry: Loose): [string, string] {
  return [
    str(entry.name) ?? 'route',
    `${str(entry.addressPrefix) ?? ''} → ${str(entry.nextHopType) ?? ''}${entry.nextHopIpAddress ? ` ${str(entry.nextHopIpAddress)}` : ''}`,
  ];
}
