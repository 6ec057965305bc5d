/**
 * Input endpoints grouped by the frontend they listen on — a VIP of the deployment or one of its internal
 * load balancers — which is what each becomes in ARM: a load-balancing rule per endpoint set, an inbound
 * NAT rule per stand-alone endpoint, on the frontend IP configuration of that VIP / ILB (D1's mapping). Pure.
 */
import type { Deployment, InputEndpoint } from '../../classic/compute.schema';
import { sameName } from '../../classic/names';
import type { VirtualMachine } from '../../classic/virtual-machines';

export interface Frontend {
  /** Identity: two endpoints with equal keys share a frontend IP configuration. */
  key: string;
  /** For messages: `VIP svc1ContractContract`, `internal load balancer ilb1`. */
  label: string;
}

export interface EndpointUse {
  vm: VirtualMachine;
  endpoint: InputEndpoint;
  frontend: Frontend;
  /** The ARM rule it becomes: `set <name>` for a load-balanced set, `endpoint <vm>/<name>` otherwise. */
  rule: string;
}

/**
 * The frontend of an endpoint. `Vip` on an endpoint holds the VIP's address (or, in some documents, its
 * name); an endpoint without one listens on the deployment's first VIP.
 */
export function frontendOf(endpoint: InputEndpoint, deployment: Deployment): Frontend {
  if (endpoint.loadBalancerName !== undefined)
    return {
      key: `ilb:${endpoint.loadBalancerName.toLowerCase()}`,
      label: `internal load balancer ${endpoint.loadBalancerName}`,
    };
  const index =
    endpoint.vip === undefined
      ? 0
      : deployment.virtualIps.findIndex(
          (vip) => sameName(vip.address, endpoint.vip) || sameName(vip.name, endpoint.vip),
        );
  const vip = index >= 0 ? deployment.virtualIps[index] : undefined;
  if (vip === undefined && endpoint.vip !== undefined)
    return { key: `vip:${endpoint.vip.toLowerCase()}`, label: `VIP ${endpoint.vip}` };
  return { key: `vip#${Math.max(index, 0)}`, label: `VIP ${vip?.name ?? vip?.address ?? 'default'}` };
}

/** Every input endpoint of the VMs, with its frontend and the ARM rule it becomes. */
export function endpointUsesOf(vms: readonly VirtualMachine[]): EndpointUse[] {
  return vms.flatMap((vm) =>
    vm.role.network.inputEndpoints.map((endpoint) => ({
      vm,
      endpoint,
      frontend: frontendOf(endpoint, vm.deployment),
      rule:
        endpoint.loadBalancedEndpointSetName === undefined
          ? `endpoint ${vm.role.name}/${endpoint.name}`
          : `set ${endpoint.loadBalancedEndpointSetName}`,
    })),
  );
}

/** Groups items by a key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
