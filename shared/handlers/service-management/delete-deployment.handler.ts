/**
 * Delete Deployment by name (`DELETE …/hostedservices/{service}/deployments/{deployment}`) and by slot
 * (`DELETE …/deploymentslots/{slot}`), `?comp=media` to delete the disks too: 202 with the request id, as the
 * `azure-asm-compute` client expects.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import type { Services } from '../../composition';
import {
  type DeleteDeploymentRequest,
  planDeleteDeployment,
} from '../../domain/management/delete-deployment';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWrite } from './management-write-response';
import { queryEquals } from './sm-request';

export const deleteDeploymentByName = (
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
) => deleteDeployment(services, entity, request, context, { name: request.params.deploymentName ?? '' });

export const deleteDeploymentBySlot = (
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
) => deleteDeployment(services, entity, request, context, { slot: request.params.slot ?? '' });

function deleteDeployment(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  deployment: DeleteDeploymentRequest['deployment'],
): Promise<HttpResponseInit> {
  const serviceName = request.params.serviceName ?? '';
  const deleteMedia = queryEquals(request, 'comp', 'media');
  return answerWrite(services, entity, request, context, {
    kind: 'DeleteDeployment',
    target: `${serviceName}/${'name' in deployment ? deployment.name : `slot:${deployment.slot}`}`,
    successStatus: 202,
    plan: (inventory, now) => planDeleteDeployment(inventory, { serviceName, deployment, deleteMedia }, now),
  });
}
