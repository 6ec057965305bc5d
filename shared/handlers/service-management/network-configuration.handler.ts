/**
 * Get and Set Network Configuration (`GET|PUT /{sub}/services/networking/media`, C4, C5): the
 * subscription's netcfg document. A PUT is a management-plane write: refused while it would change a VNet
 * under migration (see `set-network-configuration.ts`), otherwise applied to the Classic inventory and
 * answered 202 with a request id whose operation has already succeeded.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import {
  identifyWriteBody,
  mergeInventory,
  serializeNetworkConfiguration,
} from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planSetNetworkConfiguration } from '../../domain/management/set-network-configuration';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import {
  answering,
  badDocumentResponse,
  emptyResponse,
  errorResponse,
  newRequestId,
  xmlResponse,
} from './sm-responses';

export function networkConfiguration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return request.method === 'PUT'
    ? setNetworkConfiguration(services, entity, request, context)
    : getNetworkConfiguration(services, request, context);
}

export function getNetworkConfiguration(
  services: Pick<Services, 'classicInventory' | 'ids'>,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const inventory = await services.classicInventory.load(subscriptionIdOf(request));
    return xmlResponse(200, serializeNetworkConfiguration(inventory), requestId);
  });
}

export function setNetworkConfiguration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const body = identifyWriteBody(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    if (body.value.kind !== 'SetNetworkConfiguration') {
      return badDocumentResponse(
        { code: 'UnsupportedDocument', message: 'Expected a NetworkConfiguration document.', path: '/' },
        requestId,
      );
    }
    const document = body.value.networkConfiguration;
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId: subscriptionIdOf(request),
        requestId,
        kind: 'SetNetworkConfiguration',
        target: 'services/networking/media',
        requestedBy: callerOf(request),
        plan: (inventory) =>
          planSetNetworkConfiguration(inventory, document, mergeInventory(inventory, document)),
      },
    );
    return result.ok ? emptyResponse(202, requestId) : errorResponse(result.error, requestId);
  });
}
