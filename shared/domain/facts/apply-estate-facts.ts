/**
 * Lays the inventory's estate facts (`inventory.facts`) over the resources the validation rules, the
 * translation and the plan read. Pure.
 *
 * Facts only ever add or set: a VNet that a fact says hosts HDInsight is marked so; a VNet no fact names
 * keeps what it had (as an import never deletes, docs/estate-facts.md). Applying twice gives the same
 * inventory, and every resource no fact changes is returned as the same object, so the caller can save
 * exactly what changed. Facts whose target is not (yet) in the inventory wait: they apply on the import
 * that brings the target, whichever comes first.
 */
import type { CloudService, DataDisk, Deployment, Role } from '../classic/compute.schema';
import {
  type ClassicInventory,
  type ClassicRoleAssignment,
  regionalQuotaSchema,
  type Subscription,
} from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import type { ExpressRouteCircuit, VirtualNetworkSite } from '../classic/network.schema';
import { normalizeLocation } from '../validation/support/location';
import type { EstateFact } from './estate-fact.schema';
import {
  blobLocationOf,
  containerKeyOf,
  findClassicVirtualNetwork,
  findVirtualMachine,
} from './fact-targets';

type FactOf<K extends EstateFact['kind']> = Extract<EstateFact, { kind: K }>;
type VnetFact = Extract<EstateFact, { virtualNetwork: unknown }>;

/** The inventory with its facts laid over it. Pure; idempotent; untouched resources keep their identity. */
export function applyEstateFacts(inventory: ClassicInventory): ClassicInventory {
  const facts = inventory.facts;
  if (facts.length === 0) return inventory;
  const vnetFacts = new Map<VirtualNetworkSite, VnetFact[]>();
  for (const fact of facts) {
    if (!('virtualNetwork' in fact)) continue;
    const vnet = findClassicVirtualNetwork(inventory.virtualNetworks, fact.virtualNetwork);
    if (vnet) vnetFacts.set(vnet, [...(vnetFacts.get(vnet) ?? []), fact]);
  }
  return {
    ...inventory,
    subscription: keepIfSame(inventory.subscription, withSubscriptionFacts(inventory.subscription, facts)),
    affinityGroups: upsert(
      inventory.affinityGroups,
      ofKind(facts, 'affinityGroup').map(({ name, location }) => ({ name, location })),
      (group) => group.name.toLowerCase(),
    ),
    roleAssignments: upsert(
      inventory.roleAssignments,
      ofKind(facts, 'roleAssignment').map(toRoleAssignment),
      roleAssignmentIdentity,
    ),
    expressRouteCircuits: withCircuitFacts(
      inventory.expressRouteCircuits,
      ofKind(facts, 'expressRouteCircuit'),
    ),
    virtualNetworks: inventory.virtualNetworks.map((vnet) => {
      const own = vnetFacts.get(vnet);
      return own ? keepIfSame(vnet, withVnetFacts(vnet, own)) : vnet;
    }),
    cloudServices: withComputeFacts(inventory, facts),
  };
}

function ofKind<K extends EstateFact['kind']>(facts: readonly EstateFact[], kind: K): FactOf<K>[] {
  return facts.filter((fact): fact is FactOf<K> => fact.kind === kind);
}

function withSubscriptionFacts(subscription: Subscription, facts: readonly EstateFact[]): Subscription {
  const quotas = [...subscription.quotas];
  for (const fact of ofKind(facts, 'quota')) {
    const resource = regionalQuotaSchema.shape.resource.safeParse(fact.resource);
    if (!resource.success) continue;
    const quota = {
      location: fact.location,
      resource: resource.data,
      limit: fact.limit,
      currentUsage: fact.currentUsage,
    };
    const at = quotas.findIndex(
      (q) =>
        q.resource === quota.resource && normalizeLocation(q.location) === normalizeLocation(quota.location),
    );
    if (at < 0) quotas.push(quota);
    else quotas[at] = quota;
  }
  // Registered sets the flag; any other state leaves it: a subscription starts unregistered, and an older
  // document must not undo a registration made since (the service's own Register call sets the flag too).
  const registered = ofKind(facts, 'migrationRegistration').some(
    (fact) => fact.registrationState.toLowerCase() === 'registered',
  );
  return { ...subscription, quotas, ...(registered ? { registeredForMigration: true } : {}) };
}

function toRoleAssignment(fact: FactOf<'roleAssignment'>): ClassicRoleAssignment {
  return {
    principalId: fact.principalId,
    ...(fact.principalName === undefined ? {} : { principalName: fact.principalName }),
    principalType: fact.principalType,
    roleDefinitionName: fact.roleDefinitionName,
    scope: fact.scope,
  };
}

/** The store's identity of an assignment (principal, role, scope). */
function roleAssignmentIdentity(assignment: ClassicRoleAssignment): string {
  return `${assignment.principalId}|${assignment.roleDefinitionName}|${assignment.scope}`.toLowerCase();
}

/**
 * Circuits by service key: Classic listings give the name and peering location, a Resource Manager
 * listing says the circuit has been moved (D9) and which subscription owns it.
 */
function withCircuitFacts(
  circuits: readonly ExpressRouteCircuit[],
  facts: readonly FactOf<'expressRouteCircuit'>[],
): ExpressRouteCircuit[] {
  const byKey = new Map<string, FactOf<'expressRouteCircuit'>[]>();
  for (const fact of facts) {
    const key = fact.serviceKey.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), fact]);
  }
  const result = [...circuits];
  for (const [key, group] of byKey) {
    const arm = group.find((fact) => fact.inResourceManager);
    const classic = group.find((fact) => !fact.inResourceManager);
    const at = result.findIndex((circuit) => circuit.serviceKey.toLowerCase() === key);
    const existing = at < 0 ? undefined : result[at];
    const location = classic?.location ?? arm?.location ?? existing?.location;
    const subscriptionId = arm?.subscriptionId ?? existing?.subscriptionId;
    const circuit: ExpressRouteCircuit = {
      serviceKey: existing?.serviceKey ?? (arm ?? classic ?? group[0])?.serviceKey ?? key,
      name: arm?.name ?? classic?.name ?? existing?.name ?? key,
      ...(location === undefined ? {} : { location }),
      ...(subscriptionId === undefined ? {} : { subscriptionId }),
      migratedToArm: (existing?.migratedToArm ?? false) || arm !== undefined,
    };
    if (existing === undefined) result.push(circuit);
    else result[at] = keepIfSame(existing, circuit);
  }
  return result;
}

function withVnetFacts(vnet: VirtualNetworkSite, facts: readonly VnetFact[]): VirtualNetworkSite {
  const hosts = { ...vnet.hosts, applicationGateways: [...vnet.hosts.applicationGateways] };
  const peerings = [...vnet.peerings];
  const addName = (names: string[], name: string) => {
    if (!names.some((existing) => sameName(existing, name))) names.push(name);
  };
  for (const fact of facts) {
    switch (fact.kind) {
      case 'hdInsightCluster':
        hosts.hdInsight = true;
        break;
      case 'appServiceEnvironment':
        hosts.appServiceEnvironment = true;
        break;
      case 'apiManagementService':
        hosts.apiManagement = true;
        break;
      case 'domainServices':
        hosts.azureAdDomainServices = true;
        break;
      case 'dynamicsLcsEnvironment':
        hosts.dynamicsLcs = true;
        break;
      case 'applicationGateway':
        addName(hosts.applicationGateways, fact.resourceName);
        break;
      case 'vnetPeering':
        addName(peerings, fact.remoteVirtualNetwork);
        break;
      default:
        break;
    }
  }
  let next: VirtualNetworkSite = { ...vnet, hosts, peerings };
  next = withGatewayFacts(next, facts);
  return withExpressRouteLinks(next, facts);
}

function withGatewayFacts(vnet: VirtualNetworkSite, facts: readonly VnetFact[]): VirtualNetworkSite {
  const gateway = vnet.gateway;
  if (!gateway) return vnet;
  const state = facts.filter((fact): fact is FactOf<'gateway'> => fact.kind === 'gateway').at(-1);
  const connections = facts.filter(
    (fact): fact is FactOf<'gatewayConnection'> => fact.kind === 'gatewayConnection',
  );
  return {
    ...vnet,
    gateway: {
      ...gateway,
      ...(state?.gatewayType === undefined ? {} : { gatewayType: state.gatewayType }),
      ...(state?.gatewaySize === undefined ? {} : { gatewaySize: state.gatewaySize }),
      ...(state?.vipAddress === undefined ? {} : { vipAddress: state.vipAddress }),
      connections: gateway.connections.map((connection) => {
        const fact = connections.find((c) =>
          sameName(c.localNetworkSiteName, connection.localNetworkSiteName),
        );
        return fact ? { ...connection, connectivityState: fact.connectivityState } : connection;
      }),
    },
  };
}

/**
 * A VNet linked to ExpressRoute circuits has an ExpressRoute gateway with their service keys. Its netcfg
 * `Gateway` element (an empty `ConnectionsToLocalNetwork`, or `Dedicated` connections only, D9) is that
 * same gateway, not a VPN gateway: it is moved over. A gateway with IPsec connections or a point-to-site
 * pool stays a VPN gateway beside it (which migration refuses, D8).
 */
function withExpressRouteLinks(vnet: VirtualNetworkSite, facts: readonly VnetFact[]): VirtualNetworkSite {
  const keys = facts
    .filter((fact): fact is FactOf<'expressRouteLink'> => fact.kind === 'expressRouteLink')
    .map((fact) => fact.serviceKey);
  if (keys.length === 0) return vnet;
  const { gateway, ...rest } = vnet;
  const isVpn =
    gateway !== undefined &&
    (gateway.connections.some((connection) => connection.connectionType === 'IPsec') ||
      gateway.vpnClientAddressPool.length > 0);
  const current = vnet.expressRouteGateway ?? {
    gatewaySize: gateway?.gatewaySize ?? 'Default',
    circuitServiceKeys: [],
  };
  const circuitServiceKeys = [...current.circuitServiceKeys];
  for (const key of keys)
    if (!circuitServiceKeys.some((existing) => existing.toLowerCase() === key.toLowerCase()))
      circuitServiceKeys.push(key);
  return {
    ...(isVpn ? vnet : rest),
    expressRouteGateway: { ...current, circuitServiceKeys },
  };
}

/** Alert rules on VMs, autoscale settings on deployments, VHD blob sizes and reachability on data disks. */
function withComputeFacts(inventory: ClassicInventory, facts: readonly EstateFact[]): CloudService[] {
  const alertsByRole = new Map<Role, FactOf<'alertRule'>[]>();
  for (const fact of ofKind(facts, 'alertRule')) {
    const target = findVirtualMachine(inventory, fact.virtualMachine, fact.resourceGroup);
    if (target) alertsByRole.set(target.role, [...(alertsByRole.get(target.role) ?? []), fact]);
  }
  const autoscale = ofKind(facts, 'autoscaleSetting');
  const listings = new Map<string, FactOf<'vhdBlobListing'>[]>();
  for (const fact of ofKind(facts, 'vhdBlobListing')) {
    const key = containerKeyOf(fact.container);
    if (key !== undefined) listings.set(key, [...(listings.get(key) ?? []), fact]);
  }
  if (alertsByRole.size === 0 && autoscale.length === 0 && listings.size === 0)
    return inventory.cloudServices;
  return inventory.cloudServices.map((cloudService) => {
    const settings = autoscale.filter((fact) => sameName(fact.cloudService, cloudService.name));
    const next: CloudService = {
      ...cloudService,
      deployments: cloudService.deployments.map((deployment) =>
        withDeploymentFacts(deployment, settings, alertsByRole, listings),
      ),
    };
    return keepIfSame(cloudService, next);
  });
}

function withDeploymentFacts(
  deployment: Deployment,
  autoscale: readonly FactOf<'autoscaleSetting'>[],
  alertsByRole: ReadonlyMap<Role, FactOf<'alertRule'>[]>,
  listings: ReadonlyMap<string, FactOf<'vhdBlobListing'>[]>,
): Deployment {
  const settings = [...deployment.autoscaleSettings];
  for (const fact of autoscale.filter((setting) => setting.slot === deployment.slot))
    if (!findByName(settings, fact.name))
      settings.push({ name: fact.name, ...(fact.target === undefined ? {} : { target: fact.target }) });
  return {
    ...deployment,
    autoscaleSettings: settings,
    roles: deployment.roles.map((role) => {
      if (role.roleType !== 'PersistentVMRole') return role;
      const alertRules = [...role.alertRules];
      for (const fact of alertsByRole.get(role) ?? [])
        if (!findByName(alertRules, fact.name))
          alertRules.push({ name: fact.name, ...(fact.metric === undefined ? {} : { metric: fact.metric }) });
      return {
        ...role,
        alertRules,
        dataDisks: role.dataDisks.map((disk) => withBlobFacts(disk, listings)),
      };
    }),
  };
}

/**
 * A listed blob gives the disk its blob size (and shows it can be read); a complete listing of the
 * disk's container (under a prefix the blob name starts with) that lacks the blob means the media link
 * cannot be read (H5 #15). A disk no listing covers keeps what it had.
 */
function withBlobFacts(disk: DataDisk, listings: ReadonlyMap<string, FactOf<'vhdBlobListing'>[]>): DataDisk {
  const location = blobLocationOf(disk.mediaLink);
  const covering = location === undefined ? undefined : listings.get(location.container);
  if (location === undefined || covering === undefined) return disk;
  for (const listing of covering) {
    const blob = listing.blobs.find((candidate) => candidate.name === location.name);
    if (blob)
      return {
        ...disk,
        mediaLinkAccessible: true,
        ...(blob.sizeBytes === undefined ? {} : { blobSizeBytes: blob.sizeBytes }),
      };
  }
  const missing = covering.some(
    (listing) => listing.complete && location.name.startsWith(listing.prefix ?? ''),
  );
  return missing ? { ...disk, mediaLinkAccessible: false } : disk;
}

/** `items` with each incoming item replacing the one of the same identity (in place) or appended. */
function upsert<T>(items: readonly T[], incoming: readonly T[], identity: (item: T) => string): T[] {
  if (incoming.length === 0) return items as T[];
  const result = [...items];
  const at = new Map(result.map((item, index) => [identity(item), index]));
  for (const item of incoming) {
    const key = identity(item);
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, result.length);
      result.push(item);
    } else result[index] = keepIfSame(result[index] as T, item);
  }
  return result;
}

/** `next` unless it equals `current` (same JSON), so unchanged resources keep their identity. */
function keepIfSame<T>(current: T, next: T): T {
  return current === next || JSON.stringify(current) === JSON.stringify(next) ? current : next;
}
