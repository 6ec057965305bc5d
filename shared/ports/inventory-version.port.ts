/**
 * The version of a subscription's inventories: an opaque token that changes whenever its Classic or ARM
 * inventory is written (an import, a Service Management write, a phase's Classic or ARM step). What is
 * computed from the inventories alone (the loaded Classic inventory, a scope's analysis and plan) can then
 * be kept per version by every worker, and is never served after a write: the next read sees a new token.
 *
 * The stores move the version themselves after each write, even one that failed part-way (it may have
 * changed some rows), so no caller has to remember to.
 */
export interface InventoryVersions {
  /**
   * The subscription's version now, `<classic>.<arm>`: the same token until its next write. The Classic part
   * alone (`classicPart`) moves only with Classic writes, so what is computed from the Classic inventory
   * alone survives the ARM writes of every Prepare and Commit in the subscription.
   */
  current(subscriptionId: string): Promise<string>;
  /** Gives the subscription's Classic or ARM inventory a new version (after a write to it). */
  bump(subscriptionId: string, inventory: InventoryPart): Promise<void>;
}

export type InventoryPart = 'classic' | 'arm';

/** The Classic part of a version `current` answered. */
export function classicPart(version: string): string {
  return version.split('.')[0] ?? version;
}
