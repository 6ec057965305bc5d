/**
 * Imports one Service Management XML document into a subscription's Classic inventory: parse (safely),
 * merge by name, save. The default subscription is registered for migration (DESIGN §4: "the demo data
 * and a bare import use DEFAULT_SUBSCRIPTION_ID, registered for migration"); any other keeps its
 * registration, which starts unregistered, as in Azure.
 */
import {
  type ImportCounts,
  type InventoryPart,
  mergeInventory,
  parseServiceManagementDocument,
  type ServiceManagementError,
} from '../adapters/service-management';
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import type { ClassicInventoryStore } from '../ports/inventory.port';

export type ImportResult =
  | { ok: true; kind: string; counts: ImportCounts; notes: string[]; ignoredMigrationStates: number }
  | { ok: false; error: ServiceManagementError };

/** The items of `merged` that the imported part names (merged, so they carry what the merge kept). */
function touchedPart(merged: ClassicInventory, part: InventoryPart): ClassicInventory {
  const names = (items: readonly { name: string }[] | undefined, extra: readonly string[] = []) =>
    new Set([
      ...(items ?? []).map((item) => item.name.toLowerCase()),
      ...extra.map((name) => name.toLowerCase()),
    ]);
  const pick = <T extends { name: string }>(items: T[], wanted: Set<string>): T[] =>
    items.filter((item) => wanted.has(item.name.toLowerCase()));
  const services = names(part.cloudServices, [
    ...(part.cloudServicesWithoutDeployments ?? []),
    ...(part.deployments ?? []).map((d) => d.cloudServiceName),
  ]);
  return {
    ...merged,
    affinityGroups: [],
    cloudServices: pick(merged.cloudServices, services),
    virtualNetworks: pick(merged.virtualNetworks, names(part.virtualNetworks)),
    localNetworkSites: pick(merged.localNetworkSites, names(part.localNetworkSites)),
    dnsServers: pick(merged.dnsServers, names(part.dnsServers)),
    reservedIps: pick(merged.reservedIps, names(part.reservedIps)),
    networkSecurityGroups: pick(
      merged.networkSecurityGroups,
      names(part.networkSecurityGroups, part.networkSecurityGroupsWithoutRules),
    ),
    routeTables: pick(merged.routeTables, names(part.routeTables, part.routeTablesWithoutRoutes)),
    storageAccounts: pick(merged.storageAccounts, names(part.storageAccounts)),
    disks: pick(merged.disks, names(part.disks)),
    vmImages: pick(merged.vmImages, names(part.vmImages)),
    expressRouteCircuits: [],
    roleAssignments: [],
  };
}

export async function importInventory(
  deps: { classicInventory: ClassicInventoryStore; defaultSubscriptionId: string },
  request: { subscriptionId: string; xml: string; cloudServiceName?: string },
): Promise<ImportResult> {
  const parsed = parseServiceManagementDocument(request.xml, {
    ...(request.cloudServiceName === undefined ? {} : { cloudServiceName: request.cloudServiceName }),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const current = await deps.classicInventory.load(request.subscriptionId);
  const part = parsed.value.inventoryPart;
  const merged = mergeInventory(current, part);
  const isDefault = request.subscriptionId.toLowerCase() === deps.defaultSubscriptionId.toLowerCase();
  // Only what the document touched is written: re-saving the whole inventory on every import would make
  // importing an estate document by document quadratic.
  await deps.classicInventory.save({
    ...touchedPart(merged, part),
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
