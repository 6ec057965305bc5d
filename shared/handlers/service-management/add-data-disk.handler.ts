/** Add Data Disk (`POST …/deployments/{deployment}/roles/{role}/DataDisks`): 202 with the request id. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseDataDiskRequest } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planAddDataDisk } from '../../domain/management/add-data-disk';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import { answering, badDocumentResponse, emptyResponse, errorResponse, newRequestId } from './sm-responses';

export function addDataDisk(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answering(requestId, context, async () => {
    const disk = parseDataDiskRequest(await bodyBytes(request));
    if (!disk.ok) return badDocumentResponse(disk.error, requestId);
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId: subscriptionIdOf(request),
        requestId,
        kind: 'AddDataDisk',
        target: `${serviceName}/${deploymentName}/${roleName}`,
        requestedBy: callerOf(request),
        plan: (inventory, now) =>
          planAddDataDisk(inventory, { serviceName, deploymentName, roleName }, disk.value, now),
      },
    );
    return result.ok ? emptyResponse(202, requestId) : errorResponse(result.error, requestId);
  });
}
