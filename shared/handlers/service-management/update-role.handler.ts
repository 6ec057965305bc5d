/**
 * Update Role (`PUT …/deployments/{deployment}/roles/{role}`, body `PersistentVMRole`): 202 with the request
 * id. The body's provisioning secrets are never stored (see `parse-update-role.ts`).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseUpdateRole } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planUpdateRole } from '../../domain/management/update-role';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { managementWriteResponse } from './management-write-response';
import { bodyBytes } from './sm-request';
import { answering, badDocumentResponse, newRequestId } from './sm-responses';

export function updateRole(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answering(requestId, context, async () => {
    const now = services.clock.now().toISOString();
    const body = parseUpdateRole(await bodyBytes(request), { serviceName, now });
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    return managementWriteResponse(services, entity, request, requestId, {
      kind: 'UpdateRole',
      target: `${serviceName}/${deploymentName}/${roleName}`,
      successStatus: 202,
      plan: (inventory, at) =>
        planUpdateRole(inventory, { serviceName, deploymentName, roleName }, body.value, at),
    });
  });
}
