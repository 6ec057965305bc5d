/**
 * `GET /api/migrations?subscriptionId=…[&kind=…][&state=…][&name=…][&locked=true|false]` → every scope
 * of the subscription with its MigrationState: the scopes still in Classic (from the inventory) and the
 * ones already committed (from the scope index), newest operation first where known.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { isLocked, type MigrationState, migrationStateSchema } from '../domain/migration/migration-state';
import { scopeKey, scopeKindFromPath, scopeKindPaths, scopeKindSchema } from '../domain/scope/scope';
import { scopesOf } from '../domain/scope/scope-catalogue';
import { json, jsonError } from './http-responses';
import { subscriptionOf } from './request-context';

export async function listMigrations(
  services: Pick<Services, 'classicInventory' | 'scopeIndex' | 'config'>,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const subscriptionId = subscriptionOf(request, services.config.defaultSubscriptionId);
  const kindFilter = request.query.get('kind');
  const kind = kindFilter
    ? (scopeKindFromPath(kindFilter) ?? scopeKindSchema.safeParse(kindFilter).data)
    : undefined;
  if (kindFilter && !kind)
    return jsonError(
      400,
      'UnknownScopeKind',
      `'${kindFilter}' is not a scope kind. Use ${Object.values(scopeKindPaths).join(', ')}.`,
    );
  const stateFilter = request.query.get('state');
  const state = stateFilter ? migrationStateSchema.safeParse(stateFilter) : undefined;
  if (state && !state.success)
    return jsonError(
      400,
      'UnknownState',
      `'${stateFilter}' is not a MigrationState. Use one of ${migrationStateSchema.options.join(', ')}.`,
    );
  const nameFilter = request.query.get('name')?.toLowerCase();
  const lockedFilter = request.query.get('locked');

  const [inventory, index] = await Promise.all([
    services.classicInventory.load(subscriptionId),
    services.scopeIndex.list(subscriptionId),
  ]);
  const byKey = new Map(index.map((entry) => [entry.scopeKey, entry]));
  const rows = scopesOf(inventory).map((scope) => {
    const key = scopeKey({ subscriptionId, ...scope });
    const known = byKey.get(key);
    byKey.delete(key);
    return {
      ...scope,
      kindPath: scopeKindPaths[scope.kind],
      scopeKey: key,
      state: (known?.state ?? 'None') as MigrationState,
      lastOperation: known
        ? {
            operationId: known.lastOperationId,
            operation: known.lastOperation,
            status: known.lastStatus,
            at: known.updatedAt,
          }
        : undefined,
    };
  });
  // Scopes no longer in Classic (committed) are known only to the index.
  for (const entry of byKey.values()) {
    const parsedKind = scopeKindSchema.safeParse(entry.kind);
    if (!parsedKind.success) continue;
    rows.push({
      kind: parsedKind.data,
      name: entry.name,
      kindPath: scopeKindPaths[parsedKind.data],
      scopeKey: entry.scopeKey,
      state: entry.state as MigrationState,
      lastOperation: {
        operationId: entry.lastOperationId,
        operation: entry.lastOperation,
        status: entry.lastStatus,
        at: entry.updatedAt,
      },
    });
  }
  const filtered = rows.filter(
    (row) =>
      (!kind || row.kind === kind) &&
      (!state?.success || row.state === state.data) &&
      (!nameFilter || row.name.toLowerCase().includes(nameFilter)) &&
      (lockedFilter === null || String(isLocked(row.state)) === lockedFilter),
  );
  filtered.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return json(200, {
    subscriptionId,
    count: filtered.length,
    value: filtered.map((row) => ({ ...row, locked: isLocked(row.state) })),
  });
}
