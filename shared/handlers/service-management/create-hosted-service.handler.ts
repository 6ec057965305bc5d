/**
 * Create Cloud Service (`POST /{sub}/services/hostedservices`): 201 Created with an empty body, the
 * request id and `Location: …/subscriptions/{sub}/compute/{name}`, as recorded (C1).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseCreateHostedService } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planCreateCloudService } from '../../domain/management/create-cloud-service';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { baseUrlOf, callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import { answering, badDocumentResponse, emptyResponse, errorResponse, newRequestId } from './sm-responses';

export function createHostedService(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const body = parseCreateHostedService(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    const subscriptionId = subscriptionIdOf(request);
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId,
        requestId,
        kind: 'CreateHostedService',
        target: body.value.serviceName,
        requestedBy: callerOf(request),
        plan: (inventory, now) => planCreateCloudService(inventory, body.value, now),
      },
    );
    if (!result.ok) return errorResponse(result.error, requestId);
    return emptyResponse(201, requestId, {
      location: `${baseUrlOf(request)}/subscriptions/${subscriptionId}/compute/${encodeURIComponent(body.value.serviceName)}`,
    });
  });
}
