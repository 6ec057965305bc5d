/**
 * The handler of a Service Management write function: the caller must hold `smWrite` on the subscription in
 * the path, then the write runs with the scope entity reached through the function's durable client.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';

import { DurableScopeEntityGateway } from '../../adapters/durable/durable-scope-entity-gateway';
import { getServices, type Services } from '../../composition';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { withAuthorization } from '../auth/authorized';
import { requestTargets } from '../auth/request-targets';

export type ServiceManagementWrite = (
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
) => Promise<HttpResponseInit>;

export function authorizedWrite(write: ServiceManagementWrite) {
  return (
    request: HttpRequest,
    client: DurableClient,
    context: InvocationContext,
  ): Promise<HttpResponseInit> =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () => write(getServices(), new DurableScopeEntityGateway(client), request, context),
    );
}

/** `authorizedWrite` for a route whose methods go to different writes (or reads) of the same resource. */
export function authorizedByMethod(byMethod: Readonly<Record<string, ServiceManagementWrite>>) {
  return authorizedWrite((services, entity, request, context) => {
    const write = byMethod[request.method];
    // The route's `methods` admit only the keys of `byMethod`.
    return write ? write(services, entity, request, context) : Promise.resolve({ status: 405 });
  });
}
