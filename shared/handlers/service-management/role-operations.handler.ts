/**
 * Role operations: one VM (`POST …/deployments/{deployment}/roleinstances/{instance}/Operations` with
 * `StartRoleOperation`, `ShutdownRoleOperation` or `RestartRoleOperation`) or several
 * (`POST …/deployments/{deployment}/Roles/Operations` with `StartRolesOperation` or
 * `ShutdownRolesOperation`). 202 with the request id. Other operation bodies (capture, redeploy, …) are not
 * supported here and answered 400.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { identifyWriteBody, type WriteBody } from '../../adapters/service-management';
import type { Services } from '../../composition';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { locateRoleInstance } from '../../domain/management/locate';
import { refuse, type WritePlan } from '../../domain/management/management-write';
import { planRolePower, type PowerAction } from '../../domain/management/role-power';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { applyManagementWrite } from '../../use-cases/service-management/apply-management-write';
import { callerOf } from '../request-context';
import { bodyBytes, subscriptionIdOf } from './sm-request';
import { answering, badDocumentResponse, emptyResponse, errorResponse, newRequestId } from './sm-responses';

const singleRole: Partial<Record<WriteBody['kind'], PowerAction>> = {
  StartRole: 'start',
  ShutdownRole: 'shutdown',
  RestartRole: 'restart',
};
const severalRoles: Partial<Record<WriteBody['kind'], PowerAction>> = {
  StartRoles: 'start',
  ShutdownRoles: 'shutdown',
};

/** `…/roleinstances/{instance}/Operations`. */
export function roleInstanceOperation(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const { serviceName = '', deploymentName = '', instanceName = '' } = request.params;
  return powerOperation(services, entity, request, context, singleRole, (body, action) => ({
    target: `${serviceName}/${deploymentName}/${instanceName}`,
    plan: (inventory: ClassicInventory, now: string): WritePlan => {
      // The path names the instance; the lock and the change are the VM's (its role's).
      const located = locateRoleInstance(inventory, serviceName, deploymentName, instanceName);
      if (!located.ok) return refuse(located.error);
      return planRolePower(
        inventory,
        {
          serviceName,
          deploymentName,
          roleNames: [located.value.role.name],
          action,
          ...postShutdownAction(body),
        },
        now,
      );
    },
  }));
}

/** `…/Roles/Operations`. */
export function rolesOperation(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const { serviceName = '', deploymentName = '' } = request.params;
  return powerOperation(services, entity, request, context, severalRoles, (body, action) => ({
    target: `${serviceName}/${deploymentName}`,
    plan: (inventory: ClassicInventory, now: string): WritePlan =>
      planRolePower(
        inventory,
        {
          serviceName,
          deploymentName,
          roleNames: 'roleNames' in body ? body.roleNames : [],
          action,
          ...postShutdownAction(body),
        },
        now,
      ),
  }));
}

function powerOperation(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  accepted: Partial<Record<WriteBody['kind'], PowerAction>>,
  build: (
    body: WriteBody,
    action: PowerAction,
  ) => { target: string; plan: (i: ClassicInventory, now: string) => WritePlan },
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const body = identifyWriteBody(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    const action = accepted[body.value.kind];
    if (action === undefined) {
      return badDocumentResponse(
        {
          code: 'UnsupportedDocument',
          message: `'${body.value.kind}' is not an operation this path supports here (${Object.keys(accepted)
            .map((k) => `${k}Operation`)
            .join(', ')}).`,
          path: '/',
        },
        requestId,
      );
    }
    const { target, plan } = build(body.value, action);
    const result = await applyManagementWrite(
      { ...services, entity },
      {
        subscriptionId: subscriptionIdOf(request),
        requestId,
        kind: `${body.value.kind}Operation`,
        target,
        requestedBy: callerOf(request),
        plan,
      },
    );
    return result.ok ? emptyResponse(202, requestId) : errorResponse(result.error, requestId);
  });
}

function postShutdownAction(body: WriteBody): { postShutdownAction?: string } {
  return 'postShutdownAction' in body && body.postShutdownAction !== undefined
    ? { postShutdownAction: body.postShutdownAction }
    : {};
}
