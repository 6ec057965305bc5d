/** Delete Role (`DELETE …/deployments/{deployment}/roles/{role}[?comp=media]`): 202 with the request id. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import type { Services } from '../../composition';
import { planDeleteRole } from '../../domain/management/delete-role';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWrite } from './management-write-response';

export function deleteRole(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answerWrite(services, entity, request, context, {
    kind: 'DeleteRole',
    target: `${serviceName}/${deploymentName}/${roleName}`,
    successStatus: 202,
    plan: (inventory, now) => planDeleteRole(inventory, { serviceName, deploymentName, roleName }, now),
  });
}
