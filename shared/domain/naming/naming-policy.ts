/**
 * The naming policy: which name every generated ARM object gets. Azure let nobody choose ("resource groups
 * are created by the platform and their names cannot be chosen", D1/D4); this service keeps Azure's
 * documented names by default and lets a user rename anything with templates and per-object overrides.
 * Pure: zod only.
 *
 * Defaults (see docs/naming.md, kept in sync by a test):
 * - Azure-documented: resource groups `<name>-Migrated` (D1, D9, H4, D10); the VNet gateway
 *   `<vnet>-Default-Gateway` (D9); VM, VNet, subnet, NSG, route table, storage account and reserved IP
 *   names are kept (D1/D4: explicitly named Classic resources keep their names).
 * - Our choice where Azure never documented the IaaS name; we borrow the Cloud Services (extended
 *   support) migration's documented names (D11, same migration engine) so that the two migrations look
 *   alike: `LB-<cs>`, `VNet-<cs>`, `KV-<cs>`, and Classic's own default VIP name `<cs>ContractContract`.
 */
import { z } from 'zod';

import type { NamedArmType } from './arm-name-rules';

/** Every kind of generated object that gets a name. */
export const namedObjectKinds = [
  'cloudServiceResourceGroup',
  'virtualNetworkResourceGroup',
  'storageAccountResourceGroup',
  'reservedIpResourceGroup',
  'networkSecurityGroupResourceGroup',
  'routeTableResourceGroup',
  'virtualMachine',
  'extension',
  'availabilitySet',
  'primaryNetworkInterface',
  'secondaryNetworkInterface',
  'loadBalancer',
  'internalLoadBalancer',
  'vipPublicIp',
  'reservedIpPublicIp',
  'instancePublicIp',
  'keyVault',
  'virtualNetwork',
  'subnet',
  'newVirtualNetwork',
  'newSubnet',
  'networkSecurityGroup',
  'routeTable',
  'virtualNetworkGateway',
  'gatewayPublicIp',
  'localNetworkGateway',
  'connection',
  'storageAccount',
] as const;
export type NamedObjectKind = (typeof namedObjectKinds)[number];

/** Tokens a template may use: `{cloudService}-lb`. Each object offers the ones that apply to it. */
export const nameTokens = [
  'cloudService',
  'deployment',
  'vm',
  'nic',
  'vnet',
  'subnet',
  'availabilitySet',
  'storageAccount',
  'reservedIp',
  'nsg',
  'routeTable',
  'localSite',
  'ilb',
  'name',
  'index',
  'location',
] as const;
export type NameToken = (typeof nameTokens)[number];
export type NameTokens = Partial<Record<NameToken, string | number>>;

export type NameEvidence = { source: 'azure'; citation: string } | { source: 'ours'; why: string };

export interface NamedObjectKindInfo {
  armType: NamedArmType;
  defaultTemplate: string;
  /** The tokens objects of this kind always offer. */
  tokens: readonly NameToken[];
  evidence: NameEvidence;
  /** What the object is, in words (docs/naming.md). */
  what: string;
}

const keptClassicName = (citation: string): NameEvidence => ({ source: 'azure', citation });

export const namedObjectKindInfo: Readonly<Record<NamedObjectKind, NamedObjectKindInfo>> = {
  cloudServiceResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{cloudService}-Migrated',
    tokens: ['cloudService', 'name', 'location'],
    evidence: keptClassicName('D1 (deep dive, Prepare): `<cloud-service-name>-Migrated`'),
    what: 'Resource group of a cloud service (VMs, NICs, load balancers, public IPs, availability set, key vault)',
  },
  virtualNetworkResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{vnet}-Migrated',
    tokens: ['vnet', 'name', 'location'],
    evidence: keptClassicName('D1, D9 (`$vnetName + "-Migrated"`)'),
    what: 'Resource group of a VNet (VNet, cloned NSGs and route tables, gateway, local gateways, connections)',
  },
  storageAccountResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{storageAccount}-Migrated',
    tokens: ['storageAccount', 'name', 'location'],
    evidence: keptClassicName('H4 ("mystorage" → "mystorage-Migrated")'),
    what: 'Resource group of a storage account',
  },
  reservedIpResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{reservedIp}-Migrated',
    tokens: ['reservedIp', 'name', 'location'],
    evidence: keptClassicName('D10 (`<ReservedIPName>-Migrated`)'),
    what: 'Resource group of a stand-alone reserved IP',
  },
  networkSecurityGroupResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{nsg}-Migrated',
    tokens: ['nsg', 'name', 'location'],
    evidence: { source: 'ours', why: 'Same convention as every documented scope (our inference)' },
    what: 'Resource group of a stand-alone NSG',
  },
  routeTableResourceGroup: {
    armType: 'Microsoft.Resources/resourceGroups',
    defaultTemplate: '{routeTable}-Migrated',
    tokens: ['routeTable', 'name', 'location'],
    evidence: { source: 'ours', why: 'Same convention as every documented scope (our inference)' },
    what: 'Resource group of a stand-alone route table',
  },
  virtualMachine: {
    armType: 'Microsoft.Compute/virtualMachines',
    defaultTemplate: '{vm}',
    tokens: ['cloudService', 'deployment', 'vm', 'name', 'index', 'location'],
    evidence: keptClassicName('D1/D4: explicitly named Classic resources keep their names'),
    what: 'Virtual machine',
  },
  extension: {
    armType: 'Microsoft.Compute/virtualMachines/extensions',
    defaultTemplate: '{name}',
    tokens: ['cloudService', 'vm', 'name', 'index'],
    evidence: {
      source: 'ours',
      why: "The Classic ReferenceName, the name the user gave the extension (Azure's VM extension names are free)",
    },
    what: 'VM extension (`name` = Classic ReferenceName)',
  },
  availabilitySet: {
    armType: 'Microsoft.Compute/availabilitySets',
    defaultTemplate: '{availabilitySet}',
    tokens: ['cloudService', 'deployment', 'availabilitySet', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: 'The Classic AvailabilitySetName is a user-chosen name; keeping it is what D1/D4 do for named resources',
    },
    what: 'Availability set',
  },
  primaryNetworkInterface: {
    armType: 'Microsoft.Network/networkInterfaces',
    defaultTemplate: '{vm}-PrimaryNic',
    tokens: ['cloudService', 'deployment', 'vm', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: 'Undocumented for IaaS ("platform-chosen", D4); names the VM and says which NIC it is',
    },
    what: 'Primary NIC of a VM (its Classic network configuration)',
  },
  secondaryNetworkInterface: {
    armType: 'Microsoft.Network/networkInterfaces',
    defaultTemplate: '{vm}-{nic}',
    tokens: ['cloudService', 'deployment', 'vm', 'nic', 'name', 'index', 'location'],
    evidence: {
      source: 'ours',
      why: 'Classic NIC names are unique per VM only; prefixing the VM makes them unique per resource group',
    },
    what: 'Secondary NIC of a VM (`nic` = Classic NetworkInterface name)',
  },
  loadBalancer: {
    armType: 'Microsoft.Network/loadBalancers',
    defaultTemplate: 'LB-{cloudService}',
    tokens: ['cloudService', 'deployment', 'name', 'location'],
    evidence: { source: 'ours', why: 'CSES documents `LB-cloudservicename` (D11); IaaS name unverified' },
    what: "Public load balancer replacing the cloud service's implicit load balancer",
  },
  internalLoadBalancer: {
    armType: 'Microsoft.Network/loadBalancers',
    defaultTemplate: 'LB-{cloudService}-Internal',
    tokens: ['cloudService', 'deployment', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: 'ARM load balancers are public or internal, never both; one internal LB holds a frontend per Classic ILB',
    },
    what: "Internal load balancer for the deployment's Classic internal load balancers",
  },
  vipPublicIp: {
    armType: 'Microsoft.Network/publicIPAddresses',
    defaultTemplate: '{name}',
    tokens: ['cloudService', 'deployment', 'name', 'index', 'location'],
    evidence: {
      source: 'ours',
      why: "The VIP's Classic name; Classic names the default VIP `<cs>ContractContract`, which CSES documents as the public IP name (D11)",
    },
    what: 'Public IP of a non-reserved VIP (`name` = VIP name, else `<cs>ContractContract`, `<cs>-Vip<index>`)',
  },
  reservedIpPublicIp: {
    armType: 'Microsoft.Network/publicIPAddresses',
    defaultTemplate: '{reservedIp}',
    tokens: ['reservedIp', 'name', 'location'],
    evidence: keptClassicName(
      'D10: the reserved IP becomes a static public IP; named resources keep their names (D1)',
    ),
    what: 'Static public IP of a reserved IP (bound to a cloud service or stand-alone)',
  },
  instancePublicIp: {
    armType: 'Microsoft.Network/publicIPAddresses',
    defaultTemplate: '{vm}-{name}',
    tokens: ['cloudService', 'deployment', 'vm', 'name', 'index', 'location'],
    evidence: {
      source: 'ours',
      why: 'Classic instance-level PIP names are unique per VM only; prefixing the VM makes them unique',
    },
    what: 'Dynamic public IP of an instance-level public IP (`name` = Classic PublicIP name)',
  },
  keyVault: {
    armType: 'Microsoft.KeyVault/vaults',
    defaultTemplate: 'KV-{cloudService}',
    tokens: ['cloudService', 'name', 'location'],
    evidence: { source: 'ours', why: 'CSES documents `KV-cloudservicename` (D11); IaaS name unverified' },
    what: "Key vault holding the cloud service's certificates (cut to 24 characters)",
  },
  virtualNetwork: {
    armType: 'Microsoft.Network/virtualNetworks',
    defaultTemplate: '{vnet}',
    tokens: ['vnet', 'name', 'location'],
    evidence: keptClassicName('D9: the VNet keeps its name (sanitised: `Group rg v` → `Group-rg-v`)'),
    what: 'Migrated VNet',
  },
  subnet: {
    armType: 'Microsoft.Network/virtualNetworks/subnets',
    defaultTemplate: '{subnet}',
    tokens: ['vnet', 'subnet', 'name', 'index'],
    evidence: keptClassicName('D1: VNet "all properties" migrate'),
    what: 'Subnet of a migrated VNet',
  },
  newVirtualNetwork: {
    armType: 'Microsoft.Network/virtualNetworks',
    defaultTemplate: 'VNet-{cloudService}',
    tokens: ['cloudService', 'deployment', 'name', 'location'],
    evidence: { source: 'ours', why: 'CSES documents `VNet-cloudservicename` for its default VNet (D11)' },
    what: 'VNet created for a cloud service not in a VNet (destination New)',
  },
  newSubnet: {
    armType: 'Microsoft.Network/virtualNetworks/subnets',
    defaultTemplate: 'default',
    tokens: ['cloudService', 'deployment', 'name', 'location'],
    evidence: { source: 'ours', why: "ARM's own name for a VNet's first subnet (portal, az CLI)" },
    what: 'Subnet of that new VNet',
  },
  networkSecurityGroup: {
    armType: 'Microsoft.Network/networkSecurityGroups',
    defaultTemplate: '{nsg}',
    tokens: ['nsg', 'name', 'location'],
    evidence: keptClassicName('D1: NSGs are cloned; named resources keep their names'),
    what: 'NSG (a clone when associated with a migrating subnet/VM/NIC; the NSG itself when stand-alone)',
  },
  routeTable: {
    armType: 'Microsoft.Network/routeTables',
    defaultTemplate: '{routeTable}',
    tokens: ['routeTable', 'name', 'location'],
    evidence: keptClassicName('D1: route tables are cloned; named resources keep their names'),
    what: 'Route table (clone or stand-alone)',
  },
  virtualNetworkGateway: {
    armType: 'Microsoft.Network/virtualNetworkGateways',
    defaultTemplate: '{vnet}-Default-Gateway',
    tokens: ['vnet', 'name', 'location'],
    evidence: keptClassicName('D9: `<vnetName>-Default-Gateway` in `<vnetName>-Migrated`'),
    what: 'VPN or ExpressRoute gateway of a VNet',
  },
  gatewayPublicIp: {
    armType: 'Microsoft.Network/publicIPAddresses',
    defaultTemplate: '{vnet}-Default-Gateway-IP',
    tokens: ['vnet', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: "Undocumented; names the gateway it belongs to (it keeps the gateway's VIP, D8)",
    },
    what: "Public IP of a VNet gateway (keeps the Classic gateway's VIP)",
  },
  localNetworkGateway: {
    armType: 'Microsoft.Network/localNetworkGateways',
    defaultTemplate: '{localSite}',
    tokens: ['vnet', 'localSite', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: 'The Classic local network site name (user-chosen); undocumented for ARM',
    },
    what: 'Local network gateway of a Classic local network site',
  },
  connection: {
    armType: 'Microsoft.Network/connections',
    defaultTemplate: '{vnet}-{name}',
    tokens: ['vnet', 'localSite', 'name', 'location'],
    evidence: {
      source: 'ours',
      why: 'Undocumented; `name` is the local site (IPsec, Vnet2Vnet) or circuit (ExpressRoute) it connects to',
    },
    what: 'Gateway connection (IPsec, Vnet2Vnet or ExpressRoute)',
  },
  storageAccount: {
    armType: 'Microsoft.Storage/storageAccounts',
    defaultTemplate: '{storageAccount}',
    tokens: ['storageAccount', 'name', 'location'],
    evidence: keptClassicName('H4: the account keeps its name'),
    what: 'Storage account',
  },
};

/**
 * A user's naming policy. `templates` replace the default template of a kind; `overrides` name single
 * objects, keyed by object key (`<classicId>#<kind>`, case-insensitive) — or by the bare Classic id for
 * the object that a Classic resource turns into (its VM, its secondary NIC, its NSG, …).
 */
export const namingPolicySchema = z.object({
  templates: z.partialRecord(z.enum(namedObjectKinds), z.string().min(1)).default({}),
  overrides: z.record(z.string(), z.string()).default({}),
});
export type NamingPolicy = z.infer<typeof namingPolicySchema>;
export type NamingPolicyInput = z.input<typeof namingPolicySchema>;

/** Azure's documented names plus our stated choices, with nothing overridden. */
export const defaultNamingPolicy: NamingPolicy = { templates: {}, overrides: {} };
