/**
 * List Storage Accounts (`GET /{sub}/services/storageservices`) and Get Storage Account Properties
 * (`GET /{sub}/services/storageservices/{name}`): the Classic storage accounts with their `MigrationState`
 * (the storage account scope's, transitional states included).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeStorageService, serializeStorageServices } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { findByName } from '../../domain/classic/names';
import type { StorageAccount } from '../../domain/classic/storage.schema';
import { resourceNotFound } from '../../domain/management/management-error';
import type { MigrationState } from '../../domain/migration/migration-state';
import { scopeNotFoundMessage } from '../../domain/validation/scope-not-found';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { loadClassicView } from '../../use-cases/service-management/classic-view';
import { subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

export function getStorageServices(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const name = request.params.name;
  return answering(requestId, context, async () => {
    const shown = (accounts: StorageAccount[]) =>
      name === undefined ? accounts : accounts.filter((account) => account === findByName(accounts, name));
    const { inventory, stateOf } = await loadClassicView(
      { ...services, entity },
      subscriptionIdOf(request),
      (loaded) =>
        shown(loaded.storageAccounts).map((a) => ({ kind: 'storageAccount' as const, name: a.name })),
    );
    const migrationStates: Record<string, MigrationState> = {};
    for (const account of shown(inventory.storageAccounts)) {
      const state = stateOf({ kind: 'storageAccount', name: account.name });
      if (state !== undefined) migrationStates[account.name] = state;
    }
    if (name === undefined) {
      return xmlResponse(
        200,
        serializeStorageServices(inventory.storageAccounts, { migrationStates }),
        requestId,
      );
    }
    const account = findByName(inventory.storageAccounts, name);
    if (!account) {
      return errorResponse(
        resourceNotFound(scopeNotFoundMessage({ kind: 'storageAccount', name })),
        requestId,
      );
    }
    return xmlResponse(200, serializeStorageService(account, { migrationStates }), requestId);
  });
}
