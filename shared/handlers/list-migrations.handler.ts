/**
 * `GET /api/migrations?subscriptionId=…[&kind=…][&state=…][&name=…][&locked=true|false]` → every scope
 * of the subscription with its MigrationState: the scopes still in Classic (from the inventory) and the
 * ones already committed (from the scope index), newest operation first where known.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import { isLocked, migrationStateSchema } from '../domain/migration/migration-state';
import { scopeKindFromPath, scopeKindPaths, scopeKindSchema } from '../domain/scope/scope';
import { estateScopes } from '../use-cases/estate-scopes';
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

  const rows = (await estateScopes(services, subscriptionId)).map((row) => ({
    ...row,
    kindPath: scopeKindPaths[row.kind],
  }));
  const filtered = rows.filter(
    (row) =>
      (!kind || row.kind === kind) &&
      (!state?.success || row.state === state.data) &&
      (!nameFilter || row.name.toLowerCase().includes(nameFilter)) &&
      (lockedFilter === null || String(isLocked(row.state)) === lockedFilter),
  );
  return json(200, {
    subscriptionId,
    count: filtered.length,
    value: filtered.map((row) => ({ ...row, locked: isLocked(row.state) })),
  });
}
