/**
 * Facts about a Classic estate that Service Management XML does not carry (what else lives in a VNet,
 * peerings, ARM quotas, role assignments, classic alert rules and autoscale settings, VHD blob sizes,
 * gateway and connection state, ExpressRoute circuits and links, provider registration, affinity groups),
 * each as read from one imported document of the API that returns it (docs/estate-facts.md), with where
 * it came from and when. The inventory keeps the records (`ClassicInventory.facts`); `applyEstateFacts`
 * lays them over the resources the rules read. Pure: zod only.
 *
 * `key` is the fact's identity: the same fact read again from a newer document replaces the older record
 * (a cluster's resource id, a quota's location and name, a circuit's service key…).
 */
import { z } from 'zod';

import { gatewayConnectionSchema, vpnGatewaySchema } from '../classic/network.schema';

/** The document a fact was read from: the name the importer gave it, and its kind (root element or ARM type). */
export const factSourceSchema = z.object({ document: z.string(), documentKind: z.string() });
export type FactSource = z.infer<typeof factSourceSchema>;

/**
 * How a fact names a Classic VNet. ARM ids carry the name ARM shows (the short name of a portal-created
 * VNet, whose Service Management name is `Group <resource group> <name>`) and its resource group; API
 * Management may carry only the site id (`vnetid`, the VirtualNetworkSite `Id`); Service Management
 * documents and our own carry the Service Management name.
 */
export const classicVnetRefSchema = z.object({
  name: z.string().optional(),
  resourceGroup: z.string().optional(),
  siteId: z.string().optional(),
});
export type ClassicVnetRef = z.infer<typeof classicVnetRefSchema>;

const base = { key: z.string(), source: factSourceSchema, importedAt: z.string() };

/** Services whose presence in a Classic VNet blocks or shapes its migration (D2, H1–H4). */
export const vnetServiceFactKinds = [
  'hdInsightCluster',
  'appServiceEnvironment',
  'apiManagementService',
  'applicationGateway',
  'domainServices',
  'dynamicsLcsEnvironment',
] as const;
export type VnetServiceFactKind = (typeof vnetServiceFactKinds)[number];

const vnetServiceFact = <K extends VnetServiceFactKind>(kind: K) =>
  z.object({
    ...base,
    kind: z.literal(kind),
    virtualNetwork: classicVnetRefSchema,
    /** The service's own name (the cluster, the gateway, the LCS environment…). */
    resourceName: z.string(),
    resourceId: z.string().optional(),
  });

export const estateFactSchema = z.discriminatedUnion('kind', [
  vnetServiceFact('hdInsightCluster'),
  vnetServiceFact('appServiceEnvironment'),
  vnetServiceFact('apiManagementService'),
  vnetServiceFact('applicationGateway'),
  vnetServiceFact('domainServices'),
  vnetServiceFact('dynamicsLcsEnvironment'),
  z.object({
    ...base,
    kind: z.literal('vnetPeering'),
    virtualNetwork: classicVnetRefSchema,
    /** The ARM VNet on the other side (peerings of a Classic VNet live on the ARM VNet). */
    remoteVirtualNetwork: z.string(),
    peeringName: z.string().optional(),
    peeringState: z.string().optional(),
    resourceId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('quota'),
    location: z.string(),
    /** The quota the rules check (`QuotaResource`); other usages are not recorded. */
    resource: z.string(),
    /** The usage's `name.value` as the API returned it. */
    usageName: z.string(),
    limit: z.number().int(),
    currentUsage: z.number().int(),
  }),
  z.object({
    ...base,
    kind: z.literal('roleAssignment'),
    assignmentId: z.string().optional(),
    principalId: z.string(),
    principalName: z.string().optional(),
    principalType: z.enum(['User', 'Group', 'ServicePrincipal']),
    roleDefinitionName: z.string(),
    roleDefinitionId: z.string().optional(),
    scope: z.string(),
  }),
  z.object({
    ...base,
    kind: z.literal('alertRule'),
    name: z.string(),
    metric: z.string().optional(),
    /** The Classic VM the rule watches, as its ARM id names it (`…/Microsoft.ClassicCompute/virtualMachines/<vm>`). */
    virtualMachine: z.string(),
    resourceGroup: z.string().optional(),
    targetResourceId: z.string(),
    resourceId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('autoscaleSetting'),
    name: z.string(),
    cloudService: z.string(),
    slot: z.enum(['Production', 'Staging']),
    /** The availability set or role the setting scales. */
    target: z.string().optional(),
    targetResourceId: z.string(),
    enabled: z.boolean().optional(),
    resourceId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('vhdBlobListing'),
    /** `https://<account>.blob.core.windows.net/<container>` */
    container: z.string(),
    prefix: z.string().optional(),
    /** No continuation marker: every blob of the container (under `prefix`) is listed. */
    complete: z.boolean(),
    blobs: z.array(z.object({ name: z.string(), sizeBytes: z.number().int().optional() })),
  }),
  z.object({
    ...base,
    kind: z.literal('gateway'),
    virtualNetwork: classicVnetRefSchema,
    state: z.string().optional(),
    gatewayType: vpnGatewaySchema.shape.gatewayType.unwrap().optional(),
    gatewaySize: vpnGatewaySchema.shape.gatewaySize.unwrap().optional(),
    vipAddress: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('gatewayConnection'),
    virtualNetwork: classicVnetRefSchema,
    localNetworkSiteName: z.string(),
    connectivityState: gatewayConnectionSchema.shape.connectivityState.unwrap(),
  }),
  z.object({
    ...base,
    kind: z.literal('expressRouteCircuit'),
    serviceKey: z.string(),
    name: z.string(),
    location: z.string().optional(),
    /** The subscription that owns the circuit, when the document says (ARM ids do). */
    subscriptionId: z.string().optional(),
    /** Read from Resource Manager (the circuit has been moved there) rather than from Classic. */
    inResourceManager: z.boolean(),
    resourceId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('expressRouteLink'),
    serviceKey: z.string(),
    virtualNetwork: classicVnetRefSchema,
    state: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('migrationRegistration'),
    /** `registrationState` of Microsoft.ClassicInfrastructureMigrate: Registered, NotRegistered… */
    registrationState: z.string(),
  }),
  z.object({ ...base, kind: z.literal('affinityGroup'), name: z.string(), location: z.string() }),
]);
export type EstateFact = z.infer<typeof estateFactSchema>;
export type EstateFactKind = EstateFact['kind'];

/** A fact as a document reader produces it: where it came from and when is added by the import. */
export type EstateFactReading = EstateFact extends infer F
  ? F extends unknown
    ? Omit<F, 'source' | 'importedAt'>
    : never
  : never;
