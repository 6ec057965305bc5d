/**
 * Get Operation Status (`GET /{subscriptionId}/operations/{requestId}`, C3, C4): `Operation` with
 * `ID` (the request id as a GUID), `Status`, and once finished `HttpStatusCode` (and `Error` on failure).
 * An unknown request id is 404 `ResourceNotFound` (our text).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeOperation } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { serviceManagementOperation } from '../../use-cases/service-management/operation-status';
import { subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

export function getServiceManagementOperation(
  services: Pick<Services, 'operations' | 'managementOperations' | 'ids'>,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const operationRequestId = request.params.requestId ?? '';
  return answering(requestId, context, async () => {
    const operation = await serviceManagementOperation(
      services,
      subscriptionIdOf(request),
      operationRequestId,
    );
    if (!operation) {
      return errorResponse(
        {
          httpStatus: 404,
          code: 'ResourceNotFound',
          message: `The operation request ID '${operationRequestId}' was not found.`,
        },
        requestId,
      );
    }
    return xmlResponse(200, serializeOperation(operation), requestId);
  });
}
