/**
 * The subnet of a deployment's internal load balancer, resolved in the deployment's Classic VNet. Only
 * deployments in a VNet the inventory holds are judged: outside a VNet the translation places the ILB. Pure.
 */
import type { Deployment, InternalLoadBalancer } from '../../classic/compute.schema';
import type { ClassicInventory } from '../../classic/inventory.schema';
import { findByName } from '../../classic/names';
import type { Subnet, VirtualNetworkSite } from '../../classic/network.schema';

export interface InternalLoadBalancerPlacement {
  loadBalancer: InternalLoadBalancer;
  virtualNetwork: VirtualNetworkSite;
  /** Undefined when the ILB names a subnet the VNet does not have. */
  subnet: Subnet | undefined;
}

export function internalLoadBalancerPlacements(
  inventory: ClassicInventory,
  deployment: Deployment,
): InternalLoadBalancerPlacement[] {
  const virtualNetwork = findByName(inventory.virtualNetworks, deployment.virtualNetworkName);
  if (virtualNetwork === undefined) return [];
  return deployment.internalLoadBalancers.flatMap((loadBalancer) =>
    loadBalancer.subnetName === undefined
      ? []
      : [
          {
            loadBalancer,
            virtualNetwork,
            subnet: findByName(virtualNetwork.subnets, loadBalancer.subnetName),
          },
        ],
  );
}
