/**
 * Delete Reserved IP Address (`DELETE /{sub}/services/networking/reservedips/{name}`, as the
 * `azure-asm-network` client sends it): releases a reserved IP that no deployment uses. Refused while the
 * reserved IP is under migration, on its own or with a scope it is associated with (`ReservedIP {name} …`).
 * Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { cloudServicesUsingReservedIp } from '../validation/support/reserved-ip-associations';
import { conflict, resourceNotFound } from './management-error';
import { refuse, type WritePlan } from './management-write';
import { standaloneLockTargets } from './standalone-lock-targets';

export function planDeleteReservedIp(inventory: ClassicInventory, name: string): WritePlan {
  const reservedIp = findByName(inventory.reservedIps, name);
  if (!reservedIp) return refuse(resourceNotFound(scopeNotFoundMessage({ kind: 'reservedIp', name })));
  const lockTargets = standaloneLockTargets(inventory, 'reservedIp', reservedIp.name);
  const users = cloudServicesUsingReservedIp(inventory, reservedIp);
  if (users.length > 0) {
    // Our text: Azure refused to release an address a deployment still used.
    return refuse(
      conflict(
        `The reserved IP ${reservedIp.name} is in use by cloud service ${users.join(', ')}. Disassociate it first.`,
      ),
      lockTargets,
    );
  }
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: { ...inventory, reservedIps: inventory.reservedIps.filter((ip) => ip !== reservedIp) },
      changed: { removed: [{ collection: 'reservedIps', name: reservedIp.name }] },
    },
  };
}
