/**
 * Adding a classic route table to, and removing it from, a subnet — the paths the `azure-asm-network`
 * client sends (`POST …/virtualnetwork/{vnet}/subnets/{subnet}/routetables` with
 * `<RouteTableAssociation><RouteTableName/></RouteTableAssociation>`, `DELETE …/subnets/{subnet}/routetables`).
 * Refused while the VNet is under migration (`Virtual Network {vnet} …`), or while the route table is, on
 * its own or with a VNet it is associated with (`RouteTable {name} …`). One route table per subnet; adding
 * the one already there changes nothing. Texts are ours. Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { badRequest, conflict, resourceNotFound } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';
import { standaloneLockTargets } from './standalone-lock-targets';

export type RouteTableAssociationRequest = {
  virtualNetworkName: string;
  subnetName: string;
} & ({ action: 'add'; routeTableName: string } | { action: 'remove' });

export function planRouteTableAssociation(
  inventory: ClassicInventory,
  request: RouteTableAssociationRequest,
): WritePlan {
  const vnet = findByName(inventory.virtualNetworks, request.virtualNetworkName);
  // Azure's recorded answer for a missing VNet is a 400 with the VNet not-found text.
  if (!vnet) {
    return refuse(
      badRequest(scopeNotFoundMessage({ kind: 'virtualNetwork', name: request.virtualNetworkName })),
    );
  }
  const subnet = findByName(vnet.subnets, request.subnetName);
  const requested =
    request.action === 'add'
      ? (findByName(inventory.routeTables, request.routeTableName)?.name ?? request.routeTableName)
      : undefined;
  const involved = [subnet?.routeTable, requested].filter(
    (name, index, all): name is string =>
      name !== undefined && all.findIndex((other) => sameName(other, name)) === index,
  );
  const lockTargets: LockTarget[] = [
    resourceLockTarget('virtualNetwork', vnet.name, { kind: 'virtualNetwork', name: vnet.name }),
    ...involved.flatMap((name) => standaloneLockTargets(inventory, 'routeTable', name)),
  ];
  if (!subnet) {
    return refuse(
      resourceNotFound(`The subnet ${request.subnetName} does not exist in virtual network ${vnet.name}.`),
      lockTargets,
    );
  }
  const where = `subnet ${subnet.name} of virtual network ${vnet.name}`;
  let next: string | undefined;
  if (request.action === 'add') {
    if (!findByName(inventory.routeTables, request.routeTableName)) {
      return refuse(
        resourceNotFound(scopeNotFoundMessage({ kind: 'routeTable', name: request.routeTableName })),
        lockTargets,
      );
    }
    if (subnet.routeTable !== undefined && !sameName(subnet.routeTable, requested)) {
      return refuse(
        conflict(`The ${where} already has route table ${subnet.routeTable}. Remove it first.`),
        lockTargets,
      );
    }
    next = requested;
  } else if (subnet.routeTable === undefined) {
    return refuse(resourceNotFound(`The ${where} has no route table.`), lockTargets);
  }
  const updated = {
    ...vnet,
    subnets: vnet.subnets.map((s) => (s === subnet ? { ...s, routeTable: next } : s)),
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
