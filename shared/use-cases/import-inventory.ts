/**
 * Imports one Service Management XML document into a subscription's Classic inventory: parse (safely),
 * merge by name, save. The default subscription is registered for migration (DESIGN §4: "the demo data
 * and a bare import use DEFAULT_SUBSCRIPTION_ID, registered for migration"); any other keeps its
 * registration, which starts unregistered, as in Azure.
 */
import {
  type ImportCounts,
  mergeInventory,
  parseServiceManagementDocument,
  type ServiceManagementError,
} from '../adapters/service-management';
import type { ClassicInventoryStore } from '../ports/inventory.port';

export type ImportResult =
  | { ok: true; kind: string; counts: ImportCounts; notes: string[]; ignoredMigrationStates: number }
  | { ok: false; error: ServiceManagementError };

export async function importInventory(
  deps: { classicInventory: ClassicInventoryStore; defaultSubscriptionId: string },
  request: { subscriptionId: string; xml: string; cloudServiceName?: string },
): Promise<ImportResult> {
  const parsed = parseServiceManagementDocument(request.xml, {
    ...(request.cloudServiceName === undefined ? {} : { cloudServiceName: request.cloudServiceName }),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const current = await deps.classicInventory.load(request.subscriptionId);
  const merged = mergeInventory(current, parsed.value.inventoryPart);
  const isDefault = request.subscriptionId.toLowerCase() === deps.defaultSubscriptionId.toLowerCase();
  await deps.classicInventory.save({
    ...merged,
    subscription: {
      ...merged.subscription,
      registeredForMigration: merged.subscription.registeredForMigration || isDefault,
    },
  });
  return {
    ok: true,
    kind: parsed.value.kind,
    counts: parsed.value.counts,
    notes: parsed.value.notes,
    ignoredMigrationStates: parsed.value.observedMigrationStates.length,
  };
}
