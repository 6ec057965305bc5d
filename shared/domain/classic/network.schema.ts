/**
 * The Classic network model: virtual network sites (netcfg), local network sites, DNS servers, gateways,
 * reserved IPs, network security groups, route tables, ExpressRoute circuits. Pure: zod only.
 */
import { z } from 'zod';

import { unknownElementSchema } from './compute.schema';

const unknownElements = z.array(unknownElementSchema).default([]);

export const dnsServerSchema = z.object({ name: z.string(), address: z.string() });
export type DnsServer = z.infer<typeof dnsServerSchema>;

export const localNetworkSiteSchema = z.object({
  name: z.string(),
  addressSpace: z.array(z.string()).default([]),
  vpnGatewayAddress: z.string().optional(),
  unknownElements,
});
export type LocalNetworkSite = z.infer<typeof localNetworkSiteSchema>;

export const subnetSchema = z.object({
  name: z.string(),
  addressPrefix: z.string(),
  networkSecurityGroup: z.string().optional(),
  routeTable: z.string().optional(),
});
export type Subnet = z.infer<typeof subnetSchema>;

export const gatewayConnectionSchema = z.object({
  localNetworkSiteName: z.string(),
  /** netcfg `Connection/@type`: IPsec for site-to-site, Dedicated for ExpressRoute. */
  connectionType: z.enum(['IPsec', 'Dedicated']).default('IPsec'),
  /** Connectivity state as the gateway reports it (rule: disconnected connection). */
  connectivityState: z.enum(['Connected', 'Connecting', 'NotConnected', 'Unknown']).default('Connected'),
  sharedKey: z.string().optional(),
});
export type GatewayConnection = z.infer<typeof gatewayConnectionSchema>;

export const vpnGatewaySchema = z.object({
  gatewayType: z.enum(['StaticRouting', 'DynamicRouting']).default('DynamicRouting'),
  gatewaySize: z.enum(['Default', 'HighPerformance', 'UltraPerformance']).default('Default'),
  vipAddress: z.string().optional(),
  vpnClientAddressPool: z.array(z.string()).default([]),
  connections: z.array(gatewayConnectionSchema).default([]),
});
export type VpnGateway = z.infer<typeof vpnGatewaySchema>;

export const expressRouteGatewaySchema = z.object({
  gatewaySize: z.enum(['Default', 'HighPerformance', 'UltraPerformance']).default('Default'),
  /** Service keys of the circuits linked to this VNet. */
  circuitServiceKeys: z.array(z.string()).default([]),
});

/** Services hosted in a VNet that block or shape its migration. */
export const hostedServicesInVnetSchema = z.object({
  appServiceEnvironment: z.boolean().default(false),
  hdInsight: z.boolean().default(false),
  dynamicsLcs: z.boolean().default(false),
  apiManagement: z.boolean().default(false),
  azureAdDomainServices: z.boolean().default(false),
  applicationGateways: z.array(z.string()).default([]),
});

export const virtualNetworkSiteSchema = z.object({
  name: z.string(),
  id: z.string().optional(),
  location: z.string().optional(),
  affinityGroup: z.string().optional(),
  label: z.string().optional(),
  state: z.string().optional(),
  addressSpace: z.array(z.string()).default([]),
  subnets: z.array(subnetSchema).default([]),
  dnsServerRefs: z.array(z.string()).default([]),
  gateway: vpnGatewaySchema.optional(),
  expressRouteGateway: expressRouteGatewaySchema.optional(),
  /** Names of VNets this one is peered with. */
  peerings: z.array(z.string()).default([]),
  hosts: hostedServicesInVnetSchema.default(hostedServicesInVnetSchema.parse({})),
  resourceGroup: z.string().optional(),
  unknownElements,
});
export type VirtualNetworkSite = z.infer<typeof virtualNetworkSiteSchema>;

export const reservedIpSchema = z.object({
  name: z.string(),
  address: z.string().optional(),
  id: z.string().optional(),
  label: z.string().optional(),
  location: z.string().optional(),
  state: z.string().default('Created'),
  /** Set when the reserved IP is bound to a cloud service deployment. */
  serviceName: z.string().optional(),
  deploymentName: z.string().optional(),
  resourceGroup: z.string().optional(),
  unknownElements,
});
export type ReservedIp = z.infer<typeof reservedIpSchema>;

export const nsgRuleSchema = z.object({
  name: z.string(),
  type: z.enum(['Inbound', 'Outbound']),
  priority: z.number().int(),
  action: z.enum(['Allow', 'Deny']),
  sourceAddressPrefix: z.string(),
  sourcePortRange: z.string(),
  destinationAddressPrefix: z.string(),
  destinationPortRange: z.string(),
  protocol: z.enum(['TCP', 'UDP', '*']),
  state: z.string().optional(),
  isDefault: z.boolean().default(false),
});
export type NsgRule = z.infer<typeof nsgRuleSchema>;

export const networkSecurityGroupSchema = z.object({
  name: z.string(),
  location: z.string().optional(),
  label: z.string().optional(),
  state: z.string().optional(),
  rules: z.array(nsgRuleSchema).default([]),
  resourceGroup: z.string().optional(),
  unknownElements,
});
export type NetworkSecurityGroup = z.infer<typeof networkSecurityGroupSchema>;

export const routeSchema = z.object({
  name: z.string(),
  addressPrefix: z.string(),
  nextHopType: z.enum(['VPNGateway', 'VirtualAppliance', 'Internet', 'VNETLocal', 'Null']),
  nextHopIpAddress: z.string().optional(),
});
export type Route = z.infer<typeof routeSchema>;

export const routeTableSchema = z.object({
  name: z.string(),
  location: z.string().optional(),
  label: z.string().optional(),
  routes: z.array(routeSchema).default([]),
  resourceGroup: z.string().optional(),
  unknownElements,
});
export type RouteTable = z.infer<typeof routeTableSchema>;

export const expressRouteCircuitSchema = z.object({
  serviceKey: z.string(),
  name: z.string(),
  location: z.string().optional(),
  /** The circuit's subscription, when not the VNet's (cross-subscription links mean downtime). */
  subscriptionId: z.string().optional(),
  /** True once the circuit itself has been moved to Resource Manager (a Prepare pre-flight check). */
  migratedToArm: z.boolean().default(false),
});
export type ExpressRouteCircuit = z.infer<typeof expressRouteCircuitSchema>;
