/**
 * Builds one `Microsoft.Network/loadBalancers` resource from endpoints that already have a frontend:
 * per load-balanced endpoint set (Classic `LoadBalancedEndpointSetName`) one backend pool holding only
 * the NICs of that set's VMs, at most one probe, and one rule per frontend the set is on; one inbound NAT
 * rule per plain endpoint. Records which VM joins which pool or NAT rule, and accounts for each endpoint.
 * Pure.
 *
 * One pool per set, not one per cloud service: Classic balanced each set over the VMs that had an
 * endpoint in it, and "the load-balancing endpoint set becomes load-balancer rules" (D1,
 * https://learn.microsoft.com/azure/virtual-machines/migration-classic-resource-manager-deep-dive), so a VM
 * in set `web` only must not receive `api` traffic. Pool and probe names are our choice (docs/naming.md).
 *
 * Mapping (inferred from D1's mapping and the C8 schemas): `frontendPort` = Port, `backendPort` =
 * LocalPort, `enableFloatingIP` = EnableDirectServerReturn, `idleTimeoutInMinutes`, `loadDistribution`
 * (sourceIP → SourceIP, sourceIPProtocol → SourceIPProtocol, else Default); probe protocol/port/path/interval. Classic
 * TimeoutInSeconds has no ARM field; our choice: `numberOfProbes` = how many intervals fit in it
 * (31 s / 15 s → 2, ARM's own default).
 */
import type { InputEndpoint, LoadBalancerProbe } from '../classic/compute.schema';
import type { NameRequest } from '../naming/namer';
import { subResourceName, uniqueChildName } from './child-names';
import type { TranslatedVm } from './translated-vm';
import { account, addResource, nameResource, type TranslationContext } from './translation-context';

export interface EndpointCandidate {
  vm: TranslatedVm;
  endpoint: InputEndpoint;
  classicId: string;
}

export interface FrontedEndpoint extends EndpointCandidate {
  frontendId: string;
}

/** What the load balancers of one deployment give each VM, and the ARM IDs of each endpoint set. */
export interface LoadBalancerMemberships {
  pools: Map<string, string[]>;
  natRules: Map<string, string[]>;
  /** Lower-cased set name → its rule IDs, then its probe and backend pool IDs. */
  endpointSets: Map<string, string[]>;
}

export interface LoadBalancerBuilder {
  request: NameRequest;
  resourceGroup: string;
  location: string;
  name: string;
  id: string;
  frontends: Record<string, unknown>[];
  pools: Record<string, unknown>[];
  rules: Record<string, unknown>[];
  probes: Record<string, unknown>[];
  natRules: Record<string, unknown>[];
  taken: {
    frontends: Set<string>;
    pools: Set<string>;
    rules: Set<string>;
    probes: Set<string>;
    natRules: Set<string>;
  };
  dependsOn: string[];
}

export function newMemberships(): LoadBalancerMemberships {
  return { pools: new Map(), natRules: new Map(), endpointSets: new Map() };
}

export function newLoadBalancerBuilder(
  ctx: TranslationContext,
  request: NameRequest,
  resourceGroup: string,
  location: string,
): LoadBalancerBuilder {
  const { name, id } = nameResource(ctx, request, resourceGroup, 'Microsoft.Network/loadBalancers');
  return {
    request,
    resourceGroup,
    location,
    name,
    id,
    frontends: [],
    pools: [],
    rules: [],
    probes: [],
    natRules: [],
    taken: {
      frontends: new Set(),
      pools: new Set(),
      rules: new Set(),
      probes: new Set(),
      natRules: new Set(),
    },
    dependsOn: [],
  };
}

/** Adds a frontend IP configuration; returns its ID. */
export function addFrontend(
  builder: LoadBalancerBuilder,
  baseName: string,
  properties: Record<string, unknown>,
): string {
  const name = uniqueChildName(builder.taken.frontends, subResourceName(baseName, 'frontend'));
  const id = `${builder.id}/frontendIPConfigurations/${name}`;
  builder.frontends.push({ name, id, properties });
  return id;
}

/** Adds rules, probes and NAT rules for endpoints that have their frontend. */
export function addEndpoints(
  ctx: TranslationContext,
  builder: LoadBalancerBuilder,
  endpoints: readonly FrontedEndpoint[],
  memberships: LoadBalancerMemberships,
): void {
  // Set name (case-insensitive, as Classic compares it) → frontend → members, in first-seen order.
  const sets = new Map<string, Map<string, FrontedEndpoint[]>>();
  for (const endpoint of endpoints) {
    const setName = endpoint.endpoint.loadBalancedEndpointSetName;
    if (setName === undefined) addNatRule(ctx, builder, endpoint, memberships);
    else {
      const byFrontend = sets.get(setName.toLowerCase()) ?? new Map<string, FrontedEndpoint[]>();
      const frontendKey = endpoint.frontendId.toLowerCase();
      byFrontend.set(frontendKey, [...(byFrontend.get(frontendKey) ?? []), endpoint]);
      sets.set(setName.toLowerCase(), byFrontend);
    }
  }
  for (const byFrontend of sets.values()) addEndpointSet(ctx, builder, [...byFrontend.values()], memberships);
}

/** Adds the load balancer resource; returns its ID. */
export function emitLoadBalancer(ctx: TranslationContext, builder: LoadBalancerBuilder): string {
  return addResource(ctx, {
    request: builder.request,
    resourceGroup: builder.resourceGroup,
    type: 'Microsoft.Network/loadBalancers',
    location: builder.location,
    properties: {
      frontendIPConfigurations: builder.frontends,
      backendAddressPools: builder.pools,
      loadBalancingRules: builder.rules,
      probes: builder.probes,
      inboundNatRules: builder.natRules,
    },
    dependsOn: builder.dependsOn,
  });
}

function join(map: Map<string, string[]>, vm: TranslatedVm, id: string): void {
  const list = map.get(vm.classicId) ?? [];
  if (!list.includes(id)) list.push(id);
  map.set(vm.classicId, list);
}

const protocolOf = (endpoint: InputEndpoint) => (endpoint.protocol === 'udp' ? 'Udp' : 'Tcp');
const idleTimeoutOf = (endpoint: InputEndpoint) =>
  endpoint.idleTimeoutInMinutes !== undefined ? { idleTimeoutInMinutes: endpoint.idleTimeoutInMinutes } : {};

function addNatRule(
  ctx: TranslationContext,
  builder: LoadBalancerBuilder,
  fronted: FrontedEndpoint,
  memberships: LoadBalancerMemberships,
): void {
  const { endpoint, vm } = fronted;
  const name = uniqueChildName(builder.taken.natRules, subResourceName(`${vm.name}-${endpoint.name}`, 'nat'));
  const id = `${builder.id}/inboundNatRules/${name}`;
  builder.natRules.push({
    name,
    id,
    properties: {
      frontendIPConfiguration: { id: fronted.frontendId },
      protocol: protocolOf(endpoint),
      frontendPort: endpoint.port,
      backendPort: endpoint.localPort,
      enableFloatingIP: endpoint.enableDirectServerReturn,
      ...idleTimeoutOf(endpoint),
    },
  });
  join(memberships.natRules, vm, id);
  account(ctx, {
    classicId: fronted.classicId,
    classicType: 'InputEndpoint',
    name: endpoint.name,
    outcome: 'migrated',
    armIds: [id],
  });
}

function probeProperties(probe: LoadBalancerProbe): Record<string, unknown> {
  const interval = probe.intervalInSeconds ?? 15;
  const timeout = probe.timeoutInSeconds ?? 31;
  return {
    protocol: probe.protocol === 'http' ? 'Http' : 'Tcp',
    port: probe.port,
    ...(probe.protocol === 'http' ? { requestPath: probe.path ?? '/' } : {}),
    intervalInSeconds: interval,
    numberOfProbes: Math.max(1, Math.floor(timeout / Math.max(1, interval))),
  };
}

/**
 * One endpoint set on this load balancer: its pool (`<rule>-pool`) and probe (`<rule>-probe`), named
 * after the set's first rule, and one rule per frontend, all rules sharing the pool and the probe.
 */
function addEndpointSet(
  ctx: TranslationContext,
  builder: LoadBalancerBuilder,
  perFrontend: readonly (readonly FrontedEndpoint[])[],
  memberships: LoadBalancerMemberships,
): void {
  const members = perFrontend.flat();
  const first = members[0];
  if (!first) return;
  const setName = first.endpoint.loadBalancedEndpointSetName ?? first.endpoint.name;
  const ruleNames = perFrontend.map(() =>
    uniqueChildName(builder.taken.rules, subResourceName(setName, 'rule')),
  );
  const firstRuleName = ruleNames[0] ?? setName;

  const poolName = uniqueChildName(builder.taken.pools, subResourceName(`${firstRuleName}-pool`, 'pool'));
  const poolId = `${builder.id}/backendAddressPools/${poolName}`;
  builder.pools.push({ name: poolName, id: poolId });

  // The first endpoint with a probe defines it: Classic requires the same probe on every member.
  const probe = members.find((m) => m.endpoint.probe)?.endpoint.probe;
  let probeId: string | undefined;
  if (probe) {
    const probeName = uniqueChildName(
      builder.taken.probes,
      subResourceName(`${firstRuleName}-probe`, 'probe'),
    );
    probeId = `${builder.id}/probes/${probeName}`;
    builder.probes.push({ name: probeName, id: probeId, properties: probeProperties(probe) });
  }

  const ruleIds = perFrontend.map((frontendMembers, index) => {
    const ruleName = ruleNames[index] ?? firstRuleName;
    const ruleId = `${builder.id}/loadBalancingRules/${ruleName}`;
    const head = frontendMembers[0] ?? first;
    const endpoint = head.endpoint;
    builder.rules.push({
      name: ruleName,
      id: ruleId,
      properties: {
        frontendIPConfiguration: { id: head.frontendId },
        backendAddressPool: { id: poolId },
        ...(probeId ? { probe: { id: probeId } } : {}),
        protocol: protocolOf(endpoint),
        frontendPort: endpoint.port,
        backendPort: endpoint.localPort,
        enableFloatingIP: endpoint.enableDirectServerReturn,
        ...idleTimeoutOf(endpoint),
        loadDistribution:
          endpoint.loadBalancerDistribution === 'sourceIP'
            ? 'SourceIP'
            : endpoint.loadBalancerDistribution === 'sourceIPProtocol'
              ? 'SourceIPProtocol'
              : 'Default',
      },
    });
    for (const member of frontendMembers)
      account(ctx, {
        classicId: member.classicId,
        classicType: 'InputEndpoint',
        name: member.endpoint.name,
        outcome: 'migrated',
        armIds: [ruleId],
      });
    return ruleId;
  });

  const setKey = setName.toLowerCase();
  memberships.endpointSets.set(setKey, [
    ...(memberships.endpointSets.get(setKey) ?? []),
    ...ruleIds,
    ...(probeId ? [probeId] : []),
    poolId,
  ]);
  // Only the VMs with an endpoint in this set join its pool.
  for (const member of members) join(memberships.pools, member.vm, poolId);
}
