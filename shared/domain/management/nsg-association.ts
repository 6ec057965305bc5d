/**
 * Adding a classic NSG to, and removing it from, a subnet, a VM or a VM's secondary NIC — the paths the
 * `azure-asm-network` client sends (`POST …/virtualnetwork/{vnet}/subnets/{subnet}/networksecuritygroups`
 * with `<NetworkSecurityGroup><Name/></NetworkSecurityGroup>`, `DELETE …/networksecuritygroups/{nsg}`; the
 * same under `…/deployments/{deployment}/roles/{role}` and `…/roles/{role}/networkinterfaces/{nic}`).
 *
 * Locks: a subnet's association is a change to its VNet (`Virtual Network {vnet} …`), a VM's or NIC's an
 * operation on the VM (the VM text); and the NSG itself must not be under migration, on its own or with a
 * scope it is associated with (`NetworkSecurityGroup {nsg} …`). Pure.
 *
 * One NSG per subnet, VM or NIC: adding a second is refused (remove the first); adding the one already
 * there changes nothing. Texts are ours.
 */
import type { NetworkConfiguration, PersistentVmRole } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { locateVm, withDeployment } from './locate';
import { badRequest, conflict, type ManagementError, resourceNotFound } from './management-error';
import { type LockTarget, resourceLockTarget, vmLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';
import { standaloneLockTargets } from './standalone-lock-targets';

export type NsgAssociationTarget =
  | { kind: 'subnet'; virtualNetworkName: string; subnetName: string }
  | { kind: 'role'; serviceName: string; deploymentName: string; roleName: string }
  | {
      kind: 'networkInterface';
      serviceName: string;
      deploymentName: string;
      roleName: string;
      networkInterfaceName: string;
    };

export interface NsgAssociationRequest {
  target: NsgAssociationTarget;
  action: 'add' | 'remove';
  networkSecurityGroupName: string;
}

/** What the association changes from and to, and where, in words for the texts. */
interface Association {
  current: string | undefined;
  where: string;
}

export function planNsgAssociation(inventory: ClassicInventory, request: NsgAssociationRequest): WritePlan {
  const nsg = findByName(inventory.networkSecurityGroups, request.networkSecurityGroupName);
  const nsgName = nsg?.name ?? request.networkSecurityGroupName;
  const nsgTargets = standaloneLockTargets(inventory, 'networkSecurityGroup', nsgName);
  const { target } = request;

  if (target.kind === 'subnet') {
    const vnet = findByName(inventory.virtualNetworks, target.virtualNetworkName);
    // Azure's recorded answer for a missing VNet is a 400 with the VNet not-found text.
    if (!vnet) {
      return refuse(
        badRequest(scopeNotFoundMessage({ kind: 'virtualNetwork', name: target.virtualNetworkName })),
        nsgTargets,
      );
    }
    const lockTargets: LockTarget[] = [
      resourceLockTarget('virtualNetwork', vnet.name, { kind: 'virtualNetwork', name: vnet.name }),
      ...nsgTargets,
    ];
    const subnet = findByName(vnet.subnets, target.subnetName);
    if (!subnet) {
      return refuse(
        resourceNotFound(`The subnet ${target.subnetName} does not exist in virtual network ${vnet.name}.`),
        lockTargets,
      );
    }
    const decided = decide(request, nsg !== undefined, nsgName, {
      current: subnet.networkSecurityGroup,
      where: `subnet ${subnet.name} of virtual network ${vnet.name}`,
    });
    if (decided.error) return refuse(decided.error, lockTargets);
    const updated = {
      ...vnet,
      subnets: vnet.subnets.map((s) => (s === subnet ? { ...s, networkSecurityGroup: decided.next } : s)),
    };
    return {
      lockTargets,
      outcome: {
        ok: true,
        inventory: {
          ...inventory,
          virtualNetworks: inventory.virtualNetworks.map((v) => (v === vnet ? updated : v)),
        },
        changed: { virtualNetworks: [vnet.name] },
      },
    };
  }

  const located = locateVm(inventory, target.serviceName, target.deploymentName, target.roleName);
  if (!located.ok) return refuse(located.error, nsgTargets);
  const { service, deployment, role } = located.value;
  const lockTargets = [vmLockTarget(scopeCoveringDeployment(service.name, deployment)), ...nsgTargets];
  const network = withNsg(role, target, request, nsg !== undefined, nsgName);
  if (!network.ok) return refuse(network.error, lockTargets);
  const updatedRole: PersistentVmRole = { ...role, network: network.value };
  const updated = { ...deployment, roles: deployment.roles.map((r) => (r === role ? updatedRole : r)) };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: withDeployment(inventory, service, updated, deployment),
      changed: { cloudServices: [service.name] },
    },
  };
}

/** The VM's network configuration with the NSG added to or removed from it or one of its NICs. */
function withNsg(
  role: PersistentVmRole,
  target: Exclude<NsgAssociationTarget, { kind: 'subnet' }>,
  request: NsgAssociationRequest,
  nsgExists: boolean,
  nsgName: string,
): { ok: true; value: NetworkConfiguration } | { ok: false; error: ManagementError } {
  if (target.kind === 'role') {
    const decided = decide(request, nsgExists, nsgName, {
      current: role.network.networkSecurityGroup,
      where: `VM ${role.name}`,
    });
    return decided.error
      ? { ok: false, error: decided.error }
      : { ok: true, value: { ...role.network, networkSecurityGroup: decided.next } };
  }
  const nic = findByName(role.network.networkInterfaces, target.networkInterfaceName);
  if (!nic) {
    return {
      ok: false,
      error: resourceNotFound(
        `The network interface ${target.networkInterfaceName} does not exist on VM ${role.name}.`,
      ),
    };
  }
  const decided = decide(request, nsgExists, nsgName, {
    current: nic.networkSecurityGroup,
    where: `network interface ${nic.name} of VM ${role.name}`,
  });
  if (decided.error) return { ok: false, error: decided.error };
  return {
    ok: true,
    value: {
      ...role.network,
      networkInterfaces: role.network.networkInterfaces.map((n) =>
        n === nic ? { ...n, networkSecurityGroup: decided.next } : n,
      ),
    },
  };
}

/** The NSG the subnet, VM or NIC has after the request, or why not. */
function decide(
  request: NsgAssociationRequest,
  nsgExists: boolean,
  nsgName: string,
  association: Association,
): { next: string | undefined; error?: undefined } | { error: ManagementError } {
  if (request.action === 'add') {
    if (!nsgExists) {
      return {
        error: resourceNotFound(scopeNotFoundMessage({ kind: 'networkSecurityGroup', name: nsgName })),
      };
    }
    if (association.current !== undefined && !sameName(association.current, nsgName)) {
      return {
        error: conflict(
          `The ${association.where} already has network security group ${association.current}. Remove it first.`,
        ),
      };
    }
    return { next: nsgName };
  }
  if (!sameName(association.current, nsgName)) {
    return {
      error: resourceNotFound(
        `The network security group ${nsgName} is not associated with the ${association.where}.`,
      ),
    };
  }
  return { next: undefined };
}
