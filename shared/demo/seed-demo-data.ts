/**
 * Seeds the demo estate into a subscription's Classic inventory when the subscription has none yet, so
 * `npm start` offers a whole migration to try within minutes of cloning.
 *
 * Idempotent and safe to run from several worker processes at once: each one that finds the subscription
 * empty upserts the same rows (same keys, same content), so the last write is identical to the first.
 * A subscription that holds anything — any resource, or the quotas of the demo's subscription row — is
 * left alone: a restart never brings back resources a Commit removed, and never mixes the demo into a
 * user's own import. (A process killed half-way through the very first seed leaves part of the estate,
 * which later starts keep; delete the subscription's rows, or DATA_DIR, to seed again.)
 */
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import type { ClassicInventoryStore } from '../ports/inventory.port';
import { loadDemoInventory } from './load-demo-inventory';

export type SeedOutcome =
  | { seeded: true; subscriptionId: string; cloudServices: number; virtualNetworks: number }
  | { seeded: false; subscriptionId: string; reason: string };

export interface SeedDemoDataInput {
  store: ClassicInventoryStore;
  subscriptionId: string;
  /** When the demo's facts count as imported (ISO time; the seeding time). */
  importedAt?: string;
  /** The estate to seed; the demo estate by default. */
  loadDemo?: (subscriptionId: string) => ClassicInventory;
}

export async function seedDemoData(input: SeedDemoDataInput): Promise<SeedOutcome> {
  const { store, subscriptionId } = input;
  const current = await store.load(subscriptionId);
  if (!holdsNothing(current))
    return { seeded: false, subscriptionId, reason: 'the subscription already has a Classic inventory' };
  const importedAt = input.importedAt;
  const demo = (
    input.loadDemo ??
    ((id) => loadDemoInventory({ subscriptionId: id, ...(importedAt === undefined ? {} : { importedAt }) }))
  )(subscriptionId);
  await store.save(demo);
  return {
    seeded: true,
    subscriptionId,
    cloudServices: demo.cloudServices.length,
    virtualNetworks: demo.virtualNetworks.length,
  };
}

/**
 * True for what `load` returns when nothing was ever saved: no resources, and no quotas (which only a
 * stored subscription row carries). Migrated resources are hidden by `load` but the demo's subscription
 * row with its quotas stays, so a fully committed estate still counts as something. Registration is not
 * looked at: the store may report the default subscription registered whatever is stored.
 */
function holdsNothing(inventory: ClassicInventory): boolean {
  const { subscription, ...collections } = inventory;
  return subscription.quotas.length === 0 && Object.values(collections).every((items) => items.length === 0);
}
