/**
 * Imports one document into a subscription's Classic inventory: a Service Management XML document, or a
 * document stating facts Service Management does not carry (docs/estate-facts.md), read by its content
 * (inventory-documents.ts); folded in; only what changed saved. A refused document saves nothing. The
 * default subscription is registered for migration (README, The JSON API: the demo data and a bare
 * import use DEFAULT_SUBSCRIPTION_ID, registered for migration); any other keeps its registration, which
 * starts unregistered, as in Azure, until a provider document says otherwise.
 */
import type { ImportCounts } from '../adapters/service-management';
import type { ClassicInventoryStore } from '../ports/inventory.port';
import {
  changedItems,
  type DocumentContext,
  foldInventoryDocument,
  type ImportError,
  readInventoryDocument,
} from './inventory-documents';

export type ImportResult =
  | {
      ok: true;
      kind: string;
      counts: ImportCounts;
      notes: string[];
      ignoredMigrationStates: number;
      /** How many facts the document stated (0 for a Service Management document). */
      facts: number;
    }
  | { ok: false; error: ImportError };

export interface ImportRequest extends DocumentContext {
  subscriptionId: string;
  /** The document as sent: Service Management XML, or JSON/XML of facts. */
  body: string | Uint8Array;
  /** The name the document is recorded under (its file name); its kind when not given. */
  documentName?: string;
  /** ISO time of the import, recorded with each fact. */
  importedAt: string;
}

export async function importInventory(
  deps: { classicInventory: ClassicInventoryStore; defaultSubscriptionId: string },
  request: ImportRequest,
): Promise<ImportResult> {
  const read = readInventoryDocument(request.body, request);
  if (!read.ok) return { ok: false, error: read.error };
  const current = await deps.classicInventory.load(request.subscriptionId);
  const folded = foldInventoryDocument(current, read.value, {
    importedAt: request.importedAt,
    ...(request.documentName === undefined ? {} : { documentName: request.documentName }),
  });
  const isDefault = request.subscriptionId.toLowerCase() === deps.defaultSubscriptionId.toLowerCase();
  const changed = changedItems(current, folded.inventory);
  // Only what the document changed is written: re-saving the whole inventory on every import would make
  // importing an estate document by document quadratic.
  await deps.classicInventory.save({
    ...changed,
    subscription: {
      ...changed.subscription,
      registeredForMigration: changed.subscription.registeredForMigration || isDefault,
    },
  });
  return {
    ok: true,
    kind: read.value.kind,
    counts: folded.counts,
    notes: folded.notes,
    ignoredMigrationStates: folded.ignoredMigrationStates,
    facts: folded.facts.length,
  };
}
