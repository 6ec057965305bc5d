/**
 * Get Role (`GET …/hostedservices/{service}/deployments/{deployment}/roles/{role}`): the VM as a
 * `PersistentVMRole` with its `MigrationState` (Get-AzureVM's `$vm.VM.MigrationState`, D6).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { serializeRole } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { findByName } from '../../domain/classic/names';
import { deploymentNotFound, hostedServiceNotFound } from '../../domain/management/locate';
import { resourceNotFound } from '../../domain/management/management-error';
import { scopeCoveringDeployment } from '../../domain/scope/covering-scope';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { loadClassicView } from '../../use-cases/service-management/classic-view';
import { subscriptionIdOf } from './sm-request';
import { answering, errorResponse, newRequestId, xmlResponse } from './sm-responses';

export function getRole(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const { serviceName = '', deploymentName = '', roleName = '' } = request.params;
  return answering(requestId, context, async () => {
    const { inventory, stateOf } = await loadClassicView(
      { ...services, entity },
      subscriptionIdOf(request),
      (loaded) => {
        const deployment = findByName(
          findByName(loaded.cloudServices, serviceName)?.deployments ?? [],
          deploymentName,
        );
        return deployment ? [scopeCoveringDeployment(serviceName, deployment)] : [];
      },
    );
    const service = findByName(inventory.cloudServices, serviceName);
    if (!service) return errorResponse(hostedServiceNotFound(serviceName), requestId);
    const deployment = findByName(service.deployments, deploymentName);
    if (!deployment) return errorResponse(deploymentNotFound(deploymentName), requestId);
    const role = findByName(deployment.roles, roleName);
    // Our text.
    if (!role)
      return errorResponse(resourceNotFound(`The virtual machine '${roleName}' does not exist.`), requestId);
    const migrationState = stateOf(scopeCoveringDeployment(service.name, deployment));
    return xmlResponse(
      200,
      serializeRole(role, migrationState === undefined ? {} : { migrationState }),
      requestId,
    );
  });
}
