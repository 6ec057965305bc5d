/**
 * A synthetic Classic estate for the benchmark: many scopes, generated deterministically from a seed, within
 * Classic's own limits, in the shape users download it (Service Management XML), so it loads through the
 * import API like a real estate.
 *
 * Shape: `virtualNetworks` VNets, each holding `cloudServicesPerVirtualNetwork` cloud services of
 * `vmsPerCloudService` VMs, plus `standaloneCloudServices` cloud services outside any VNet; VNets are dealt
 * into subscriptions of `virtualNetworksPerSubscription` (a Classic subscription holds at most 200 cloud
 * services), standalone cloud services round-robin over the same subscriptions. Every VM has an OS disk and
 * 0–2 data disks in its VNet's storage account, a management endpoint (RDP or SSH on its own public port),
 * the web and API tiers a load-balanced endpoint set with a probe, one availability set per cloud service (or
 * none), and the usual JSON extensions, reported Ready by a Ready guest agent; a few VMs are stopped. The
 * estate is meant to pass validation cleanly, so Prepare and Commit run for every scope.
 *
 * Pure apart from the seeded random stream: the same options give byte-identical documents.
 */
import { type RandomSource, randomStream } from '../../devhost/fidelity/seeded-random';
import {
  serializeHostedService,
  serializeNetworkConfiguration,
  serializeStorageServices,
} from '../../shared/adapters/service-management';
import { type CloudService, cloudServiceSchema } from '../../shared/domain/classic/compute.schema';
import { type ClassicInventory, classicInventorySchema } from '../../shared/domain/classic/inventory.schema';
import {
  type DnsServer,
  type VirtualNetworkSite,
  virtualNetworkSiteSchema,
} from '../../shared/domain/classic/network.schema';
import { type StorageAccount, storageAccountSchema } from '../../shared/domain/classic/storage.schema';
import type { ScopeRef } from '../../shared/domain/scope/scope';

/**
 * The Classic limits the generator stays within. VMs per VNet and per cloud service (deployment) are the
 * Service Management limits the issue names; 200 cloud services per subscription is Classic's maximum
 * (20 by default, raised on request), 100 VNets per subscription its networking limit.
 */
export const classicLimits = {
  vmsPerVirtualNetwork: 2048,
  vmsPerCloudService: 50,
  cloudServicesPerSubscription: 200,
  virtualNetworksPerSubscription: 100,
} as const;

export interface EstateShape {
  virtualNetworks: number;
  cloudServicesPerVirtualNetwork: number;
  vmsPerCloudService: number;
  standaloneCloudServices: number;
  vmsPerStandaloneCloudService: number;
  virtualNetworksPerSubscription: number;
}

export const defaultShape: Omit<EstateShape, 'virtualNetworks' | 'standaloneCloudServices'> = {
  cloudServicesPerVirtualNetwork: 10,
  vmsPerCloudService: 10,
  vmsPerStandaloneCloudService: 5,
  virtualNetworksPerSubscription: 10,
};

/**
 * The shape for about `vms` VMs: the VNet count scales (at least one), the VNets' shape stays; one
 * standalone cloud service per five VNets (at least one) comes on top.
 */
export function shapeForVms(
  vms: number,
  overrides: Partial<Omit<EstateShape, 'virtualNetworks'>> = {},
): EstateShape {
  const perVnet =
    (overrides.cloudServicesPerVirtualNetwork ?? defaultShape.cloudServicesPerVirtualNetwork) *
    (overrides.vmsPerCloudService ?? defaultShape.vmsPerCloudService);
  const virtualNetworks = Math.max(1, Math.round(vms / perVnet));
  return {
    ...defaultShape,
    standaloneCloudServices: Math.max(1, Math.ceil(virtualNetworks / 5)),
    ...overrides,
    virtualNetworks,
  };
}

/** Throws with every limit the shape breaks. */
export function checkShape(shape: EstateShape): void {
  const problems: string[] = [];
  const positive = (name: keyof EstateShape, min: number) => {
    if (!Number.isInteger(shape[name]) || shape[name] < min)
      problems.push(`${name} must be an integer ≥ ${min}`);
  };
  positive('virtualNetworks', 0);
  positive('cloudServicesPerVirtualNetwork', 1);
  positive('vmsPerCloudService', 1);
  positive('standaloneCloudServices', 0);
  positive('vmsPerStandaloneCloudService', 1);
  positive('virtualNetworksPerSubscription', 1);
  const perVnet = shape.cloudServicesPerVirtualNetwork * shape.vmsPerCloudService;
  if (perVnet > classicLimits.vmsPerVirtualNetwork)
    problems.push(`${perVnet} VMs per VNet exceeds Classic's ${classicLimits.vmsPerVirtualNetwork}`);
  for (const size of [shape.vmsPerCloudService, shape.vmsPerStandaloneCloudService]) {
    if (size > classicLimits.vmsPerCloudService)
      problems.push(`${size} VMs per cloud service exceeds Classic's ${classicLimits.vmsPerCloudService}`);
  }
  if (shape.virtualNetworksPerSubscription > classicLimits.virtualNetworksPerSubscription)
    problems.push(`more than ${classicLimits.virtualNetworksPerSubscription} VNets per subscription`);
  const subscriptions = subscriptionCount(shape);
  const standalonePerSubscription = Math.ceil(shape.standaloneCloudServices / subscriptions);
  const servicesPerSubscription =
    Math.min(shape.virtualNetworks, shape.virtualNetworksPerSubscription) *
      shape.cloudServicesPerVirtualNetwork +
    standalonePerSubscription;
  if (servicesPerSubscription > classicLimits.cloudServicesPerSubscription)
    problems.push(
      `${servicesPerSubscription} cloud services per subscription exceeds Classic's ${classicLimits.cloudServicesPerSubscription}`,
    );
  if (problems.length > 0)
    throw new Error(`The estate shape breaks Classic's limits: ${problems.join('; ')}.`);
}

function subscriptionCount(shape: EstateShape): number {
  return Math.max(1, Math.ceil(shape.virtualNetworks / shape.virtualNetworksPerSubscription));
}

export interface SyntheticSubscription {
  subscriptionId: string;
  inventory: ClassicInventory;
  /** The scopes to migrate: its VNets, then its standalone cloud services. */
  scopes: ScopeRef[];
  vmCount: number;
}

export interface SyntheticEstate {
  seed: number;
  shape: EstateShape;
  subscriptions: SyntheticSubscription[];
  vmCount: number;
  scopeCount: number;
}

export interface SyntheticEstateOptions {
  seed: number;
  shape: EstateShape;
  /** The id of the i-th subscription (default: a UUID drawn from the seed). */
  subscriptionId?: (index: number) => string;
}

const regions = ['West Europe', 'North Europe', 'East US', 'West US', 'Southeast Asia'] as const;
const tiers = [
  { tier: 'web', subnet: 'frontend', sizes: ['Small', 'Medium', 'Standard_D2'], balanced: 'http' },
  { tier: 'api', subnet: 'frontend', sizes: ['Medium', 'Standard_D2', 'Standard_D3'], balanced: 'api' },
  { tier: 'app', subnet: 'backend', sizes: ['Medium', 'Large', 'Standard_D3'], balanced: undefined },
  { tier: 'sql', subnet: 'data', sizes: ['Large', 'ExtraLarge', 'Standard_DS3'], balanced: undefined },
  { tier: 'cache', subnet: 'data', sizes: ['Medium', 'Standard_D11'], balanced: undefined },
] as const;
type Tier = (typeof tiers)[number];
const subnets = [
  { name: 'frontend', third: 0 },
  { name: 'backend', third: 16 },
  { name: 'data', third: 32 },
] as const;
const dataDiskSizes = [128, 256, 512, 1023] as const;

function pick<T>(random: RandomSource, values: readonly T[]): T {
  return values[Math.floor(random.next() * values.length)] as T;
}

function uuidFrom(random: RandomSource): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

const pad = (value: number, width = 3) => String(value).padStart(width, '0');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The i-th address of a subnet whose third octet starts at `third` (/20: 4,091 usable addresses). */
function subnetAddress(vnetOctet: number, third: number, index: number): string {
  const offset = index + 4; // Azure keeps .0–.3 of a subnet
  return `10.${vnetOctet}.${third + Math.floor(offset / 256)}.${offset % 256}`;
}

interface VmPlan {
  name: string;
  os: 'Windows' | 'Linux';
  tier: Tier;
  stopped: boolean;
  dataDisks: number;
  ipAddress: string;
}

function vmExtensions(os: 'Windows' | 'Linux', index: number) {
  const diagnostics = {
    referenceName: 'IaaSDiagnostics',
    publisher: 'Microsoft.Azure.Diagnostics',
    name: 'IaaSDiagnostics',
    version: '1.*',
    state: 'Enable' as const,
    parameters: [
      {
        key: 'IaaSDiagnosticsPublicConfigParameter',
        value: base64(JSON.stringify({ xmlCfg: '', StorageAccount: 'diagnostics' })),
        type: 'Public' as const,
      },
    ],
  };
  const base =
    os === 'Windows'
      ? [
          { referenceName: 'BGInfo', publisher: 'Microsoft.Compute', name: 'BGInfo', version: '2.*' },
          {
            referenceName: 'VMAccessAgent',
            publisher: 'Microsoft.Compute',
            name: 'VMAccessAgent',
            version: '2.*',
          },
        ]
      : [
          {
            referenceName: 'VMAccessForLinux',
            publisher: 'Microsoft.OSTCExtensions',
            name: 'VMAccessForLinux',
            version: '1.*',
          },
        ];
  const extensions = base.map((extension) => ({ ...extension, state: 'Enable' as const, parameters: [] }));
  return index % 3 === 0 ? [...extensions, diagnostics] : extensions;
}

function cloudService(args: {
  name: string;
  location: string;
  vnet?: { name: string };
  vips: string;
  vms: VmPlan[];
  availabilitySet: boolean;
  storageAccount: string;
  random: RandomSource;
}): CloudService {
  const { name, vms } = args;
  const vhd = (disk: string) => `https://${args.storageAccount}.blob.core.windows.net/vhds/${disk}.vhd`;
  const roles = vms.map((vm, i) => {
    const management =
      vm.os === 'Windows' ? { name: 'RDP', localPort: 3389 } : { name: 'SSH', localPort: 22 };
    const balanced =
      vm.tier.balanced === 'http'
        ? [
            {
              name: 'HTTP',
              protocol: 'tcp',
              port: 80,
              localPort: 80,
              loadBalancedEndpointSetName: 'web-http',
              probe: {
                protocol: 'http',
                port: 80,
                path: '/health',
                intervalInSeconds: 15,
                timeoutInSeconds: 31,
              },
            },
            {
              name: 'HTTPS',
              protocol: 'tcp',
              port: 443,
              localPort: 443,
              loadBalancedEndpointSetName: 'web-https',
              probe: { protocol: 'tcp', port: 443, intervalInSeconds: 15, timeoutInSeconds: 31 },
            },
          ]
        : vm.tier.balanced === 'api'
          ? [
              {
                name: 'API',
                protocol: 'tcp',
                port: 8443,
                localPort: 8443,
                loadBalancedEndpointSetName: 'api',
                probe: { protocol: 'tcp', port: 8443, intervalInSeconds: 15, timeoutInSeconds: 31 },
                idleTimeoutInMinutes: 10,
              },
            ]
          : [];
    return {
      name: vm.name,
      roleType: 'PersistentVMRole',
      roleSize: pick(args.random, vm.tier.sizes),
      ...(args.availabilitySet ? { availabilitySetName: `${name}-as` } : {}),
      osDisk: {
        diskName: `${vm.name}-os`,
        mediaLink: vhd(`${vm.name}-os`),
        os: vm.os,
        hostCaching: 'ReadWrite',
        sourceImageName:
          vm.os === 'Windows'
            ? 'a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-20160812-en.us-127GB.vhd'
            : 'b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-16_04-LTS-amd64-server-20160815-en-us-30GB',
      },
      dataDisks: Array.from({ length: vm.dataDisks }, (_, lun) => ({
        diskName: `${vm.name}-data${lun}`,
        mediaLink: vhd(`${vm.name}-data${lun}`),
        lun,
        logicalDiskSizeInGB: pick(args.random, dataDiskSizes),
        hostCaching: lun === 0 ? 'ReadOnly' : 'None',
      })),
      extensions: vmExtensions(vm.os, i),
      network: {
        inputEndpoints: [{ ...management, protocol: 'tcp', port: 50000 + i }, ...balanced],
        subnetNames: args.vnet ? [vm.tier.subnet] : [],
      },
      provisionGuestAgent: true,
    };
  });
  const extensionStatuses = (os: 'Windows' | 'Linux', i: number) =>
    vmExtensions(os, i).map((extension) => ({
      handlerName: `${extension.publisher}.${extension.name}`,
      version: extension.version.replace('*', '0'),
      status: 'Ready',
    }));
  return cloudServiceSchema.parse({
    name,
    location: args.location,
    label: name,
    description: `Synthetic ${vms[0]?.tier.tier ?? ''} tier`,
    status: 'Created',
    deployments: [
      {
        name,
        slot: 'Production',
        status: 'Running',
        label: name,
        url: `http://${name}.cloudapp.net/`,
        ...(args.vnet ? { virtualNetworkName: args.vnet.name } : {}),
        virtualIps: [{ name: `${name}ContractContract`, address: args.vips, isDnsProgrammed: true }],
        roles,
        roleInstances: vms.map((vm, i) => ({
          roleName: vm.name,
          instanceName: vm.name,
          instanceStatus: vm.stopped ? 'StoppedVM' : 'ReadyRole',
          powerState: vm.stopped ? 'Stopped' : 'Started',
          instanceSize: roles[i]?.roleSize,
          ipAddress: vm.ipAddress,
          hostName: vm.name,
          guestAgentStatus: 'Ready',
          extensionStatuses: vm.stopped ? [] : extensionStatuses(vm.os, i),
        })),
      },
    ],
  });
}

/** The estate for `options` (throws if the shape breaks Classic's limits). */
export function syntheticEstate(options: SyntheticEstateOptions): SyntheticEstate {
  const { seed, shape } = options;
  checkShape(shape);
  const ids = randomStream(seed, 'subscriptions');
  const subscriptionIdOf = options.subscriptionId ?? (() => uuidFrom(ids));
  const count = subscriptionCount(shape);
  const prefix = `s${(seed >>> 0).toString(36)}`;
  const subscriptions: SyntheticSubscription[] = [];
  let vip = 0;
  const nextVip = () => {
    vip++;
    return `40.${64 + Math.floor(vip / 65536)}.${Math.floor(vip / 256) % 256}.${vip % 256}`;
  };

  for (let s = 0; s < count; s++) {
    const random = randomStream(seed, `subscription-${s}`);
    const subscriptionId = subscriptionIdOf(s);
    const location = pick(random, regions);
    const dnsServers: DnsServer[] = [
      { name: `${prefix}-dns1`, address: '10.255.0.4' },
      { name: `${prefix}-dns2`, address: '10.255.0.5' },
    ];
    const virtualNetworks: VirtualNetworkSite[] = [];
    const cloudServices: CloudService[] = [];
    const storageAccounts: StorageAccount[] = [];
    const scopes: ScopeRef[] = [];
    let vmCount = 0;

    const firstVnet = s * shape.virtualNetworksPerSubscription;
    const vnetsHere = Math.min(shape.virtualNetworksPerSubscription, shape.virtualNetworks - firstVnet);
    for (let local = 0; local < vnetsHere; local++) {
      const v = firstVnet + local;
      const vnetName = `${prefix}-vnet-${pad(v)}`;
      const storageAccount = `${prefix}vhd${pad(v, 4)}`.slice(0, 24);
      storageAccounts.push(
        storageAccountSchema.parse({ name: storageAccount, location, accountType: 'Standard_LRS' }),
      );
      virtualNetworks.push(
        virtualNetworkSiteSchema.parse({
          name: vnetName,
          location,
          addressSpace: [`10.${local}.0.0/16`],
          subnets: subnets.map((subnet) => ({
            name: subnet.name,
            addressPrefix: `10.${local}.${subnet.third}.0/20`,
          })),
          dnsServerRefs: dnsServers.map((server) => server.name),
        }),
      );
      scopes.push({ subscriptionId, kind: 'virtualNetwork', name: vnetName });
      const usedInSubnet = new Map<string, number>();
      for (let c = 0; c < shape.cloudServicesPerVirtualNetwork; c++) {
        const tier = pick(random, tiers);
        const os = tier.tier === 'sql' || random.next() < 0.5 ? 'Windows' : 'Linux';
        const name = `${prefix}-${tier.tier}-v${pad(v)}-c${pad(c, 2)}`;
        const subnet = subnets.find((candidate) => candidate.name === tier.subnet) ?? subnets[0];
        const vms: VmPlan[] = Array.from({ length: shape.vmsPerCloudService }, (_, i) => {
          const used = usedInSubnet.get(subnet.name) ?? 0;
          usedInSubnet.set(subnet.name, used + 1);
          return {
            name: `${tier.tier}-${pad(v)}-${pad(c, 2)}-vm${pad(i, 2)}`,
            os,
            tier,
            stopped: random.next() < 0.05,
            dataDisks: Math.floor(random.next() * 3),
            ipAddress: subnetAddress(local, subnet.third, used),
          };
        });
        cloudServices.push(
          cloudService({
            name,
            location,
            vnet: { name: vnetName },
            vips: nextVip(),
            vms,
            availabilitySet: random.next() < 0.8,
            storageAccount,
            random,
          }),
        );
        vmCount += vms.length;
      }
    }

    const standaloneAccount = `${prefix}vhdx${pad(s, 4)}`.slice(0, 24);
    let standaloneHere = 0;
    for (let c = s; c < shape.standaloneCloudServices; c += count) {
      standaloneHere++;
      const tier = pick(random, tiers.slice(0, 2));
      const os = random.next() < 0.5 ? 'Windows' : 'Linux';
      const name = `${prefix}-${tier.tier}-x${pad(c)}`;
      const vms: VmPlan[] = Array.from({ length: shape.vmsPerStandaloneCloudService }, (_, i) => ({
        name: `${tier.tier}x-${pad(c)}-vm${pad(i, 2)}`,
        os,
        tier,
        stopped: random.next() < 0.05,
        dataDisks: Math.floor(random.next() * 3),
        ipAddress: `100.64.${Math.floor(i / 250)}.${4 + (i % 250)}`,
      }));
      cloudServices.push(
        cloudService({
          name,
          location,
          vips: nextVip(),
          vms,
          availabilitySet: random.next() < 0.8,
          storageAccount: standaloneAccount,
          random,
        }),
      );
      scopes.push({ subscriptionId, kind: 'cloudService', name });
      vmCount += vms.length;
    }
    if (standaloneHere > 0)
      storageAccounts.push(
        storageAccountSchema.parse({ name: standaloneAccount, location, accountType: 'Standard_LRS' }),
      );

    subscriptions.push({
      subscriptionId,
      inventory: classicInventorySchema.parse({
        subscription: { id: subscriptionId, registeredForMigration: true },
        cloudServices,
        virtualNetworks,
        dnsServers,
        storageAccounts,
      }),
      scopes,
      vmCount,
    });
  }
  return {
    seed,
    shape,
    subscriptions,
    vmCount: subscriptions.reduce((sum, s) => sum + s.vmCount, 0),
    scopeCount: subscriptions.reduce((sum, s) => sum + s.scopes.length, 0),
  };
}

export interface EstateDocument {
  /** What the document is, for progress and errors. */
  label: string;
  xml: string;
}

/**
 * A subscription's estate as the Service Management documents a user downloads: the network configuration
 * (Get Network Configuration), the storage accounts (List Storage Accounts), and each cloud service with its
 * deployment (Get Hosted Service Properties with embed-detail). The network configuration comes first.
 */
export function estateDocuments(subscription: SyntheticSubscription): EstateDocument[] {
  const { inventory } = subscription;
  return [
    {
      label: 'network configuration',
      xml: serializeNetworkConfiguration({
        dnsServers: inventory.dnsServers,
        localNetworkSites: inventory.localNetworkSites,
        virtualNetworks: inventory.virtualNetworks,
      }),
    },
    { label: 'storage accounts', xml: serializeStorageServices(inventory.storageAccounts) },
    ...inventory.cloudServices.map((service) => ({
      label: `cloud service ${service.name}`,
      xml: serializeHostedService(service),
    })),
  ];
}
