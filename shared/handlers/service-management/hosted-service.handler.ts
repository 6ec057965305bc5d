/**
 * Get Hosted Service Properties (`GET /{sub}/services/hostedservices/{service}[?embed-detail=true]`,
 * C4, C9): the cloud service, and with `embed-detail=true` its deployments with each role's
 * `MigrationState`.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeHostedService } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { findByName } from '../../domain/classic/names';
import { hostedServiceNotFound } from '../../domain/management/locate';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { loadClassicView } from '../../use-cases/service-management/classic-view';
import { roleMigrationStates, scopesCoveringService } from './role-migration-states';
import { queryEquals, subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

export function getHostedService(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const serviceName = request.params.serviceName ?? '';
    const embedDetail = queryEquals(request, 'embed-detail', 'true');
    const { inventory, stateOf } = await loadClassicView(
      { ...services, entity },
      subscriptionIdOf(request),
      (loaded) => {
        const service = findByName(loaded.cloudServices, serviceName);
        return embedDetail && service ? scopesCoveringService(service) : [];
      },
    );
    const service = findByName(inventory.cloudServices, serviceName);
    if (!service) return errorResponse(hostedServiceNotFound(serviceName), requestId);
    const body = embedDetail
      ? serializeHostedService(service, { roleMigrationStates: roleMigrationStates(service, stateOf) })
      : serializeHostedService(service, { embedDetail: false });
    return xmlResponse(200, body, requestId);
  });
}
