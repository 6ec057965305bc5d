/**
 * Update Role (`PUT …/deployments/{deployment}/roles/{role}`, body `PersistentVMRole`): 202 with the request
 * id. The body's provisioning secrets are never stored (see `parse-update-role.ts`).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseUpdateRole } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planUpdateRole } from '../../domain/management/update-role';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWriteWithBody } from './management-write-response';

export function updateRole(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answerWriteWithBody(
    services,
    entity,
    request,
    context,
    (bytes) => parseUpdateRole(bytes, { serviceName, now: services.clock.now().toISOString() }),
    (role) => ({
      kind: 'UpdateRole',
      target: `${serviceName}/${deploymentName}/${roleName}`,
      successStatus: 202,
      plan: (inventory, at) => planUpdateRole(inventory, { serviceName, deploymentName, roleName }, role, at),
    }),
  );
}
