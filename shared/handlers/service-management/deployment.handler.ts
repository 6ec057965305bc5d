/**
 * Get Deployment by slot (`GET …/hostedservices/{service}/deploymentslots/{slot}`) and by name
 * (`GET …/hostedservices/{service}/deployments/{deployment}`), as C4 parses it: the deployment with each
 * role's `MigrationState` (the state of the scope covering the deployment, transitional states included).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeDeployment } from '../../adapters/service-management';
import type { Services } from '../../composition';
import type { CloudService, Deployment } from '../../domain/classic/compute.schema';
import { findByName, sameName } from '../../domain/classic/names';
import { deploymentNotFound, hostedServiceNotFound } from '../../domain/management/locate';
import { type ManagementError, resourceNotFound } from '../../domain/management/management-error';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { loadClassicView } from '../../use-cases/service-management/classic-view';
import { roleMigrationStates, scopesCoveringService } from './role-migration-states';
import { subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

interface DeploymentLookup {
  pick(service: CloudService): Deployment | undefined;
  notFound: ManagementError;
}

export function getDeploymentBySlot(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const slot = request.params.slot ?? '';
  return getDeployment(services, entity, request, context, {
    pick: (service) => service.deployments.find((d) => sameName(d.slot, slot)),
    // Our text; Azure's for an empty slot is in no public source.
    notFound: resourceNotFound('No deployments were found.'),
  });
}

export function getDeploymentByName(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const name = request.params.deploymentName ?? '';
  return getDeployment(services, entity, request, context, {
    pick: (service) => findByName(service.deployments, name),
    notFound: deploymentNotFound(name),
  });
}

function getDeployment(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  lookup: DeploymentLookup,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const serviceName = request.params.serviceName ?? '';
  return answering(requestId, context, async () => {
    const { inventory, stateOf } = await loadClassicView(
      { ...services, entity },
      subscriptionIdOf(request),
      (loaded) => {
        const service = findByName(loaded.cloudServices, serviceName);
        return service ? scopesCoveringService(service) : [];
      },
    );
    const service = findByName(inventory.cloudServices, serviceName);
    if (!service) return errorResponse(hostedServiceNotFound(serviceName), requestId);
    const deployment = lookup.pick(service);
    if (!deployment) return errorResponse(lookup.notFound, requestId);
    const body = serializeDeployment(deployment, {
      roleMigrationStates: roleMigrationStates({ ...service, deployments: [deployment] }, stateOf),
    });
    return xmlResponse(200, body, requestId);
  });
}
