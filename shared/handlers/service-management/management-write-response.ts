/**
 * Runs one management-plane write through its use case and answers as Service Management did: the
 * operation's success status with the request id (202 for the asynchronous operations, 200 for the few Azure
 * ran synchronously), or the `<Error>` the write was refused with.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import type { ServiceManagementError } from '../../adapters/service-management';
import type { Result } from '../../adapters/service-management/result';
import type { Services } from '../../composition';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import {
  applyManagementWrite,
  type ManagementWriteRequest,
} from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import { answering, badDocumentResponse, emptyResponse, errorResponse, newRequestId } from './sm-responses';

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

/** A write whose request carries no body (a delete, an association by path): its call from the request. */
export function answerWrite(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  call: ManagementWriteCall,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, () =>
    managementWriteResponse(services, entity, request, requestId, call),
  );
}

/** A write with an XML body: parsed first (a bad document answers 400 and changes nothing), then its call. */
export function answerWriteWithBody<T>(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  parse: (body: Uint8Array) => Result<T, ServiceManagementError>,
  call: (body: T) => ManagementWriteCall,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const body = parse(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    return managementWriteResponse(services, entity, request, requestId, call(body.value));
  });
}
