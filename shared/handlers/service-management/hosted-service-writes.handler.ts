/**
 * Update Cloud Service (`PUT /{sub}/services/hostedservices/{service}`, body `UpdateHostedService`) and
 * Delete Cloud Service (`DELETE …/{service}[?comp=media]`). Azure ran Update and the plain Delete
 * synchronously (200, as the `azure-asm-compute` client expects); Delete with `comp=media` is asynchronous
 * (202). Every answer carries the request id.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseUpdateHostedService } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planDeleteCloudService } from '../../domain/management/delete-cloud-service';
import { planUpdateCloudService } from '../../domain/management/update-cloud-service';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWrite, answerWriteWithBody } from './management-write-response';
import { queryEquals } from './sm-request';

export function updateHostedService(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const serviceName = request.params.serviceName ?? '';
  return answerWriteWithBody(services, entity, request, context, parseUpdateHostedService, (body) => ({
    kind: 'UpdateHostedService',
    target: serviceName,
    successStatus: 200,
    plan: (inventory, now) => planUpdateCloudService(inventory, serviceName, body, now),
  }));
}

export function deleteHostedService(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const serviceName = request.params.serviceName ?? '';
  const deleteAll = queryEquals(request, 'comp', 'media');
  return answerWrite(services, entity, request, context, {
    kind: deleteAll ? 'DeleteHostedServiceAndDeployments' : 'DeleteHostedService',
    target: serviceName,
    successStatus: deleteAll ? 202 : 200,
    plan: (inventory) => planDeleteCloudService(inventory, { serviceName, deleteAll }),
  });
}
