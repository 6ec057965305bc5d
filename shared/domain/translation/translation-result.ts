/**
 * What a translation produces: resource groups, ARM resources, an account of every Classic resource in
 * scope, naming errors and issues. Plain JSON data. Pure.
 */
import type { ArmResource, ResourceGroup } from '../arm/arm-resource';
import type { NamingError } from '../naming/naming-error';

/** The kinds of Classic resources (and parts of them) the translation accounts for. */
export const classicItemTypes = [
  'CloudService',
  'Deployment',
  'WebWorkerRole',
  'VirtualMachine',
  'OsDisk',
  'DataDisk',
  'NetworkConfiguration',
  'NetworkInterface',
  'InstancePublicIp',
  'InputEndpoint',
  'LoadBalancedEndpointSet',
  'VirtualIp',
  'InternalLoadBalancer',
  'ReservedIp',
  'ResourceExtension',
  'AvailabilitySet',
  'ServiceCertificate',
  'AlertRule',
  'AutoscaleSetting',
  'VirtualNetwork',
  'Subnet',
  'DnsServer',
  'VpnGateway',
  'ExpressRouteGateway',
  'LocalNetworkSite',
  'GatewayConnection',
  'ExpressRouteCircuit',
  'NetworkSecurityGroup',
  'RouteTable',
  'StorageAccount',
  'Disk',
  'VmImage',
] as const;
export type ClassicItemType = (typeof classicItemTypes)[number];

/**
 * - `migrated`: has an ARM representation (`armIds`; `note` may say how, e.g. a size that was omitted);
 * - `dropped`: migration goes through without it (XML extensions, alerts, a VIP without endpoints), `reason`;
 * - `refused`: it cannot migrate as it is (unsupported configuration), `reason`; Validate reports why.
 */
export type AccountingOutcome = 'migrated' | 'dropped' | 'refused';

export interface AccountingEntry {
  /** The Classic resource ID as ARM shows it, or our pseudo ID for parts ARM never showed (classic-ids.ts). */
  classicId: string;
  classicType: ClassicItemType;
  name: string;
  outcome: AccountingOutcome;
  /** ARM resources (or resource groups, or sub-resources such as LB rules) that represent it. */
  armIds: string[];
  /** Why it was dropped or refused. */
  reason?: string;
  /** How it migrated, when that needs saying. */
  note?: string;
}

/** Something the translation had to decide that the caller should see (not a naming error). */
export interface TranslationIssue {
  code:
    | 'LOCATION_UNKNOWN'
    | 'EXISTING_VIRTUAL_NETWORK_NOT_FOUND'
    | 'EXISTING_SUBNET_NOT_FOUND'
    | 'NETWORK_SECURITY_GROUP_NOT_IN_SCOPE';
  message: string;
  classicId?: string;
}

export interface TranslationResult {
  /** Resource groups to create, in deployment order (a group comes after the groups it depends on). */
  resourceGroups: ResourceGroup[];
  /** ARM resources in REST/template shape; `dependsOn` holds plain ARM IDs (any group). */
  resources: ArmResource[];
  /** One entry per Classic resource (or part) in scope. */
  accounting: AccountingEntry[];
  namingErrors: NamingError[];
  issues: TranslationIssue[];
}
