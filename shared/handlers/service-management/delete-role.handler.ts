/** Delete Role (`DELETE …/deployments/{deployment}/roles/{role}[?comp=media]`): 202 with the request id. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import type { Services } from '../../composition';
import { planDeleteRole } from '../../domain/management/delete-role';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { subscriptionIdOf } from './sm-request';
import { answering, emptyResponse, errorResponse, newRequestId } from './sm-responses';

export function deleteRole(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answering(requestId, context, async () => {
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId: subscriptionIdOf(request),
        requestId,
        kind: 'DeleteRole',
        target: `${serviceName}/${deploymentName}/${roleName}`,
        requestedBy: callerOf(request),
        plan: (inventory, now) => planDeleteRole(inventory, { serviceName, deploymentName, roleName }, now),
      },
    );
    return result.ok ? emptyResponse(202, requestId) : errorResponse(result.error, requestId);
  });
}
