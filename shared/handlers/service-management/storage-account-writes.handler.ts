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
import { managementWriteResponse } from './management-write-response';
import { bodyBytes } from './sm-request';
import { answering, badDocumentResponse, newRequestId } from './sm-responses';

export function updateStorageAccount(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const name = request.params.name ?? '';
  return answering(requestId, context, async () => {
    const body = parseUpdateStorageAccount(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    return managementWriteResponse(services, entity, request, requestId, {
      kind: 'UpdateStorageAccount',
      target: name,
      successStatus: 200,
      plan: (inventory) => planUpdateStorageAccount(inventory, name, body.value),
    });
  });
}

export function deleteStorageAccount(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const name = request.params.name ?? '';
  return answering(requestId, context, () =>
    managementWriteResponse(services, entity, request, requestId, {
      kind: 'DeleteStorageAccount',
      target: name,
      successStatus: 200,
      plan: (inventory) => planDeleteStorageAccount(inventory, name),
    }),
  );
}
