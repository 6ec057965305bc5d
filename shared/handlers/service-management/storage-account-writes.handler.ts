/**
 * Update Storage Account (`PUT /{sub}/services/storageservices/{name}`, body `UpdateStorageServiceInput`)
 * and Delete Storage Account (`DELETE …/storageservices/{name}`): 200 with the request id, as Azure
 * documents them and the `azure-asm-storage` client expects.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseUpdateStorageAccount } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planDeleteStorageAccount } from '../../domain/management/delete-storage-account';
import { planUpdateStorageAccount } from '../../domain/management/update-storage-account';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWrite, answerWriteWithBody } from './management-write-response';

export function updateStorageAccount(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const name = request.params.name ?? '';
  return answerWriteWithBody(services, entity, request, context, parseUpdateStorageAccount, (body) => ({
    kind: 'UpdateStorageAccount',
    target: name,
    successStatus: 200,
    plan: (inventory) => planUpdateStorageAccount(inventory, name, body),
  }));
}

export function deleteStorageAccount(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const name = request.params.name ?? '';
  return answerWrite(services, entity, request, context, {
    kind: 'DeleteStorageAccount',
    target: name,
    successStatus: 200,
    plan: (inventory) => planDeleteStorageAccount(inventory, name),
  });
}
