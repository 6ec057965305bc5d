/**
 * Every scope of a subscription with its MigrationState: the scopes still in Classic (from the inventory)
 * and the ones already committed (known only to the scope index), sorted by kind and name. The listing
 * endpoint and batch selectors read the estate through this.
 */
import type { Services } from '../composition';
import { type MigrationState, migrationStateSchema } from '../domain/migration/migration-state';
import { scopeKey, type ScopeKind, scopeKindSchema } from '../domain/scope/scope';
import { scopesOf } from '../domain/scope/scope-catalogue';

export interface EstateScope {
  kind: ScopeKind;
  name: string;
  location?: string;
  cloudServices?: number;
  virtualMachines?: number;
  scopeKey: string;
  state: MigrationState;
  lastOperation?: { operationId: string; operation: string; status: string; at: string };
}

export async function estateScopes(
  services: Pick<Services, 'classicInventory' | 'scopeIndex'>,
  subscriptionId: string,
): Promise<EstateScope[]> {
  const [inventory, index] = await Promise.all([
    services.classicInventory.load(subscriptionId),
    services.scopeIndex.list(subscriptionId),
  ]);
  const byKey = new Map(index.map((entry) => [entry.scopeKey, entry]));
  const rows: EstateScope[] = scopesOf(inventory).map((scope) => {
    const key = scopeKey({ subscriptionId, ...scope });
    const known = byKey.get(key);
    byKey.delete(key);
    return {
      ...scope,
      scopeKey: key,
      state: stateOf(known?.state),
      ...(known ? { lastOperation: lastOperationOf(known) } : {}),
    };
  });
  // Scopes no longer in Classic (committed) are known only to the index.
  for (const entry of byKey.values()) {
    const kind = scopeKindSchema.safeParse(entry.kind);
    if (!kind.success) continue;
    rows.push({
      kind: kind.data,
      name: entry.name,
      scopeKey: entry.scopeKey,
      state: stateOf(entry.state),
      lastOperation: lastOperationOf(entry),
    });
  }
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function stateOf(value: string | undefined): MigrationState {
  return migrationStateSchema.safeParse(value).data ?? 'None';
}

function lastOperationOf(entry: {
  lastOperationId: string;
  lastOperation: string;
  lastStatus: string;
  updatedAt: string;
}) {
  return {
    operationId: entry.lastOperationId,
    operation: entry.lastOperation,
    status: entry.lastStatus,
    at: entry.updatedAt,
  };
}
