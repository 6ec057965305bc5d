/**
 * Runs one management-plane write through its use case and answers as Service Management did: the
 * operation's success status with the request id (202 for the asynchronous operations, 200 for the few Azure
 * ran synchronously), or the `<Error>` the write was refused with.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../../composition';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import {
  applyManagementWrite,
  type ManagementWriteRequest,
} from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { subscriptionIdOf } from './sm-request';
import { emptyResponse, errorResponse } from './sm-responses';

export interface ManagementWriteCall {
  kind: string;
  target: string;
  successStatus: 200 | 202;
  plan: ManagementWriteRequest['plan'];
}

export async function managementWriteResponse(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  requestId: string,
  call: ManagementWriteCall,
): Promise<HttpResponseInit> {
  const result = await applyManagementWrite(
    { ...services, entity },
    {
      subscriptionId: subscriptionIdOf(request),
      requestId,
      kind: call.kind,
      target: call.target,
      requestedBy: callerOf(request),
      plan: call.plan,
    },
  );
  return result.ok ? emptyResponse(call.successStatus, requestId) : errorResponse(result.error, requestId);
}
