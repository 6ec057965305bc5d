/**
 * A cloud service's implicit load balancer → ARM load balancers (D1, C8): a public one
 * (`LB-<cs>`) with a frontend per migrating VIP (virtual-ip.translate.ts), and an internal one
 * (`LB-<cs>-Internal`) with a frontend per Classic internal load balancer
 * (internal-load-balancer.translate.ts); endpoint sets become rules with probes, plain endpoints inbound
 * NAT rules (load-balancer-builder.ts). Endpoints with ACLs are refused (unsupported, D2). Pure.
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import { childClassicId, cloudServiceClassicId, deploymentClassicId } from './classic-ids';
import type { DeploymentNetwork } from './deployment-network';
import { translateInternalLoadBalancers } from './internal-load-balancer.translate';
import {
  addEndpoints,
  emitLoadBalancer,
  type EndpointCandidate,
  type LoadBalancerBuilder,
  newLoadBalancerBuilder,
  newMemberships,
} from './load-balancer-builder';
import type { TranslatedVm } from './translated-vm';
import { account, type TranslationContext } from './translation-context';
import { translateVirtualIps } from './virtual-ip.translate';

export interface LoadBalancing {
  /** Backend pools the VM's primary IP configuration joins. */
  backendPoolIdsOf(vmClassicId: string): string[];
  /** Inbound NAT rules bound to the VM's primary IP configuration. */
  natRuleIdsOf(vmClassicId: string): string[];
  loadBalancerIds: string[];
}

export interface LoadBalancingInput {
  cloudService: CloudService;
  deployment: Deployment;
  /** VMs that migrate. */
  vms: readonly TranslatedVm[];
  /** VMs refused as a whole (their endpoints are accounted with them); their endpoint sets still count. */
  refusedVms: readonly TranslatedVm[];
  resourceGroup: string;
  location: string;
  network: DeploymentNetwork;
}

export function translateLoadBalancing(ctx: TranslationContext, input: LoadBalancingInput): LoadBalancing {
  const { cloudService, deployment } = input;
  const deploymentId = deploymentClassicId(ctx.subscriptionId, cloudService, deployment);
  const memberships = newMemberships();
  const loadBalancerIds: string[] = [];

  const publicEndpoints: EndpointCandidate[] = [];
  const internalEndpoints: EndpointCandidate[] = [];
  for (const vm of input.vms)
    for (const endpoint of vm.vm.role.network.inputEndpoints) {
      const candidate = {
        vm,
        endpoint,
        classicId: childClassicId(vm.classicId, 'inputEndpoints', endpoint.name),
      };
      if (endpoint.acl.length > 0)
        account(ctx, {
          classicId: candidate.classicId,
          classicType: 'InputEndpoint',
          name: endpoint.name,
          outcome: 'refused',
          armIds: [],
          reason: 'Endpoint ACLs are not supported; remove the ACL and retry (D2)',
        });
      else (endpoint.loadBalancerName === undefined ? publicEndpoints : internalEndpoints).push(candidate);
    }

  const builderFor = (kind: 'loadBalancer' | 'internalLoadBalancer') => {
    let builder: LoadBalancerBuilder | undefined;
    return {
      get: () =>
        (builder ??= newLoadBalancerBuilder(
          ctx,
          {
            kind,
            classicId: cloudServiceClassicId(ctx.subscriptionId, cloudService),
            tokens: {
              cloudService: cloudService.name,
              deployment: deployment.name,
              name: cloudService.name,
              location: input.location,
            },
          },
          input.resourceGroup,
          input.location,
        )),
      created: () => builder,
    };
  };
  const publicLb = builderFor('loadBalancer');
  const internalLb = builderFor('internalLoadBalancer');

  const publicFronted = translateVirtualIps(ctx, {
    cloudService,
    deployment,
    resourceGroup: input.resourceGroup,
    location: input.location,
    dataPlaneUntouched: input.network.dataPlaneUntouched,
    endpoints: publicEndpoints,
    publicLoadBalancer: publicLb.get,
  });
  const internalFronted = translateInternalLoadBalancers(ctx, {
    deployment,
    deploymentClassicId: deploymentId,
    network: input.network,
    endpoints: internalEndpoints,
    internalLoadBalancer: internalLb.get,
  });
  for (const [lb, fronted] of [
    [publicLb.created(), publicFronted],
    [internalLb.created(), internalFronted],
  ] as const) {
    if (!lb) continue;
    addEndpoints(ctx, lb, fronted, memberships);
    loadBalancerIds.push(emitLoadBalancer(ctx, lb));
  }

  // Endpoint sets: one account per set name in the deployment, whatever became of its endpoints.
  const setNames = new Map<string, string>();
  for (const vm of [...input.vms, ...input.refusedVms])
    for (const { loadBalancedEndpointSetName: name } of vm.vm.role.network.inputEndpoints)
      if (name && !setNames.has(name.toLowerCase())) setNames.set(name.toLowerCase(), name);
  for (const [key, name] of setNames) {
    const armIds = memberships.endpointSets.get(key);
    account(ctx, {
      classicId: childClassicId(deploymentId, 'loadBalancedEndpointSets', name),
      classicType: 'LoadBalancedEndpointSet',
      name,
      ...(armIds
        ? { outcome: 'migrated' as const, armIds }
        : {
            outcome: 'refused' as const,
            armIds: [],
            reason: 'None of its endpoints can migrate (their VMs are refused, or the endpoints have ACLs)',
          }),
    });
  }

  return {
    backendPoolIdsOf: (vmClassicId) => memberships.pools.get(vmClassicId) ?? [],
    natRuleIdsOf: (vmClassicId) => memberships.natRules.get(vmClassicId) ?? [],
    loadBalancerIds,
  };
}
