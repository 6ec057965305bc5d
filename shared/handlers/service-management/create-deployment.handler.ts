/**
 * Create Virtual Machine Deployment (`POST /{sub}/services/hostedservices/{service}/deployments`): 202 with
 * the request id (C1). The body's provisioning secrets are never stored (see `parse-create-deployment.ts`).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseCreateDeployment } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planCreateDeployment } from '../../domain/management/create-deployment';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import { answering, badDocumentResponse, emptyResponse, errorResponse, newRequestId } from './sm-responses';

export function createDeployment(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const serviceName = request.params.serviceName ?? '';
  return answering(requestId, context, async () => {
    const now = services.clock.now().toISOString();
    const deployment = parseCreateDeployment(await bodyBytes(request), { serviceName, now });
    if (!deployment.ok) return badDocumentResponse(deployment.error, requestId);
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId: subscriptionIdOf(request),
        requestId,
        kind: 'CreateDeployment',
        target: `${serviceName}/${deployment.value.name}`,
        requestedBy: callerOf(request),
        plan: (inventory, at) => planCreateDeployment(inventory, serviceName, deployment.value, at),
      },
    );
    return result.ok ? emptyResponse(202, requestId) : errorResponse(result.error, requestId);
  });
}
