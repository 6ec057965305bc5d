/**
 * What a management-plane write plans: the locks it must respect and, if none is held, the Classic
 * inventory after the change with the top-level resources it touched (the only ones written back) and
 * those it deleted (the only ones removed).
 * Locks are listed even when the change itself is invalid, so a resource under migration is refused with
 * the lock text before anything else is said about the request (as Azure: the lock is checked first).
 * Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import type { ManagementError } from './management-error';
import type { LockTarget } from './management-lock';

/** The top-level Classic resources a write changed, by collection and name. */
export interface ChangedResources {
  cloudServices?: string[];
  virtualNetworks?: string[];
  localNetworkSites?: string[];
  dnsServers?: string[];
  reservedIps?: string[];
  networkSecurityGroups?: string[];
  routeTables?: string[];
  storageAccounts?: string[];
  disks?: string[];
  /** Resources the write deleted (absent from `inventory`): removed from the store, not saved. */
  removed?: RemovedResource[];
}

/** A top-level Classic resource a write deleted (Delete Cloud Service, Delete Reserved IP, …). */
export interface RemovedResource {
  collection: 'cloudServices' | 'reservedIps' | 'storageAccounts' | 'disks';
  name: string;
}

export type WriteOutcome =
  | { ok: true; inventory: ClassicInventory; changed: ChangedResources }
  | { ok: false; error: ManagementError };

export interface WritePlan {
  lockTargets: LockTarget[];
  outcome: WriteOutcome;
}

export const refuse = (error: ManagementError, lockTargets: LockTarget[] = []): WritePlan => ({
  lockTargets,
  outcome: { ok: false, error },
});

/**
 * The part of `inventory` a write changed: the subscription and the named resources, every other
 * collection empty. Saving only this keeps a write from overwriting resources it never read for change
 * (the store upserts by collection and name; what a write deleted is removed separately, see `removed`).
 */
export function changedPart(inventory: ClassicInventory, changed: ChangedResources): ClassicInventory {
  const pick = <T extends { name: string }>(items: T[], names: string[] | undefined): T[] =>
    items.filter((item) => (names ?? []).some((name) => sameName(name, item.name)));
  return {
    subscription: inventory.subscription,
    affinityGroups: [],
    cloudServices: pick(inventory.cloudServices, changed.cloudServices),
    virtualNetworks: pick(inventory.virtualNetworks, changed.virtualNetworks),
    localNetworkSites: pick(inventory.localNetworkSites, changed.localNetworkSites),
    dnsServers: pick(inventory.dnsServers, changed.dnsServers),
    reservedIps: pick(inventory.reservedIps, changed.reservedIps),
    networkSecurityGroups: pick(inventory.networkSecurityGroups, changed.networkSecurityGroups),
    routeTables: pick(inventory.routeTables, changed.routeTables),
    storageAccounts: pick(inventory.storageAccounts, changed.storageAccounts),
    disks: pick(inventory.disks, changed.disks),
    vmImages: [],
    expressRouteCircuits: [],
    roleAssignments: [],
    facts: [],
  };
}
