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
  /** The subscription's version now; the same token until its next write. */
  current(subscriptionId: string): Promise<string>;
  /** Gives the subscription a new version (after a write to either of its inventories). */
  bump(subscriptionId: string): Promise<void>;
}
