/**
 * Classic internal load balancers → frontends of one internal `Microsoft.Network/loadBalancers` per
 * cloud service (`LB-<cs>-Internal`, our choice: an ARM load balancer is public or internal, never both).
 * Each frontend sits in the Classic ILB's subnet (or the destination subnet outside a VNet), Static
 * with its address when Classic had one and the data plane is untouched. Pure.
 */
import type { Deployment } from '../classic/compute.schema';
import { sameName } from '../classic/names';
import { childClassicId } from './classic-ids';
import type { DeploymentNetwork } from './deployment-network';
import {
  addFrontend,
  type EndpointCandidate,
  type FrontedEndpoint,
  type LoadBalancerBuilder,
} from './load-balancer-builder';
import { account, type TranslationContext } from './translation-context';

export interface InternalLoadBalancerInput {
  deployment: Deployment;
  deploymentClassicId: string;
  network: DeploymentNetwork;
  /** Endpoints naming an internal load balancer (`LoadBalancerName`), of VMs that migrate, without ACLs. */
  endpoints: readonly EndpointCandidate[];
  internalLoadBalancer: () => LoadBalancerBuilder;
}

/** Adds the frontends; returns the endpoints that have one (the others are refused). */
export function translateInternalLoadBalancers(
  ctx: TranslationContext,
  input: InternalLoadBalancerInput,
): FrontedEndpoint[] {
  const { deployment, network } = input;
  const fronted: FrontedEndpoint[] = [];
  const refuse = (candidate: EndpointCandidate, reason: string) =>
    account(ctx, {
      classicId: candidate.classicId,
      classicType: 'InputEndpoint',
      name: candidate.endpoint.name,
      outcome: 'refused',
      armIds: [],
      reason,
    });
  for (const ilb of deployment.internalLoadBalancers) {
    const classicId = childClassicId(input.deploymentClassicId, 'internalLoadBalancers', ilb.name);
    const members = input.endpoints.filter((c) => sameName(c.endpoint.loadBalancerName, ilb.name));
    const subnetId =
      network.kind === 'missingVirtualNetwork' ? undefined : network.subnetIdFor(ilb.subnetName);
    if (!subnetId) {
      const reason =
        network.kind === 'missingVirtualNetwork'
          ? `The virtual network ${network.vnetName} does not exist.`
          : `Internal load balancer ${ilb.name} names no subnet of the VNet`;
      account(ctx, {
        classicId,
        classicType: 'InternalLoadBalancer',
        name: ilb.name,
        outcome: 'refused',
        armIds: [],
        reason,
      });
      for (const member of members) refuse(member, reason);
      continue;
    }
    const loadBalancer = input.internalLoadBalancer();
    const staticAddress = network.dataPlaneUntouched ? ilb.staticVirtualNetworkIPAddress : undefined;
    const frontendId = addFrontend(loadBalancer, ilb.name, {
      subnet: { id: subnetId },
      privateIPAllocationMethod: staticAddress ? 'Static' : 'Dynamic',
      ...(staticAddress ? { privateIPAddress: staticAddress } : {}),
    });
    if (network.kind !== 'missingVirtualNetwork') loadBalancer.dependsOn.push(network.vnetId);
    account(ctx, {
      classicId,
      classicType: 'InternalLoadBalancer',
      name: ilb.name,
      outcome: 'migrated',
      armIds: [loadBalancer.id, frontendId],
    });
    for (const member of members) fronted.push({ ...member, frontendId });
  }
  for (const candidate of input.endpoints)
    if (
      !deployment.internalLoadBalancers.some((ilb) => sameName(ilb.name, candidate.endpoint.loadBalancerName))
    )
      refuse(
        candidate,
        `The deployment has no internal load balancer ${candidate.endpoint.loadBalancerName ?? ''}`,
      );
  return fronted;
}
