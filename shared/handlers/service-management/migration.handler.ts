/**
 * The migration verbs of all six scopes (C3, C4, C5):
 *
 * | path | scope |
 * | --- | --- |
 * | `POST /{sub}/services/hostedservices/{service}/deployments/{deployment}/migration?comp=…` | cloud service |
 * | `POST /{sub}/services/networking/virtualnetwork/{name}/migration?comp=…` | VNet |
 * | `POST /{sub}/services/networking/networksecuritygroups/{name}/migration?comp=…` | NSG |
 * | `POST /{sub}/services/networking/reservedips/{name}/migration?comp=…` | reserved IP |
 * | `POST /{sub}/services/networking/routetables/{name}/migration?comp=…` | route table |
 * | `POST /{sub}/services/storageservices/{name}/migration?comp=…` | storage account |
 *
 * Answers as recorded (C2/C5): Validate 200 with `ValidationMessages` (a missing resource is a
 * message, not an error); Prepare/Commit/Abort 202 with `x-ms-request-id` (their operation id); a missing
 * deployment or storage account 404 `ResourceNotFound`, a missing VNet 400 `BadRequest`, each with Azure's
 * text; an unregistered subscription 400 `BadRequest` "Subscription is not registered for migration." (D6).
 * Ours, where Azure's answer is not recorded: a missing NSG, reserved IP or route table is 404
 * `ResourceNotFound`; an operation the scope's state refuses is 409 `ConflictError` with the state
 * machine's text; an unknown `comp` is 400 `BadRequest`.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import {
  parseDeploymentNetworkResource,
  serializeValidationMessages,
  validationMessageFromFinding,
} from '../../adapters/service-management';
import type { Services } from '../../composition';
import type { MigrationOptions } from '../../contracts/phase-command';
import { migrationOperationSchema } from '../../domain/migration/migration-state';
import type { ScopeKind, ScopeRef } from '../../domain/scope/scope';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import {
  requestMigration,
  type ServiceManagementMigrationResult,
} from '../../use-cases/service-management/migration-request';
import { callerOf, originOf } from '../request-context';
import { bodyBytes, queryValue, subscriptionIdOf } from './sm-request';
import {
  answering,
  badDocumentResponse,
  emptyResponse,
  errorResponse,
  newRequestId,
  type ServiceManagementErrorBody,
  xmlResponse,
} from './sm-responses';

/** The `{collection}` segment of a networking migration path → its scope kind. */
const networkingCollections: Record<string, ScopeKind> = {
  virtualnetwork: 'virtualNetwork',
  networksecuritygroups: 'networkSecurityGroup',
  reservedips: 'reservedIp',
  routetables: 'routeTable',
};

/** `…/hostedservices/{service}/deployments/{deployment}/migration`: the cloud service scope. */
export function deploymentMigration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const { serviceName = '', deploymentName = '' } = request.params;
  return migrate(
    services,
    entity,
    request,
    context,
    { kind: 'cloudService', name: serviceName },
    deploymentName,
  );
}

/** `…/services/networking/{collection}/{name}/migration`: VNets, NSGs, reserved IPs, route tables. */
export function networkingMigration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const kind = networkingCollections[(request.params.collection ?? '').toLowerCase()];
  if (kind === undefined) {
    const requestId = newRequestId(services.ids);
    return Promise.resolve(
      errorResponse(
        { httpStatus: 404, code: 'ResourceNotFound', message: 'The requested resource does not exist.' },
        requestId,
      ),
    );
  }
  return migrate(services, entity, request, context, { kind, name: request.params.name ?? '' });
}

/** `…/services/storageservices/{name}/migration`. */
export function storageMigration(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return migrate(services, entity, request, context, {
    kind: 'storageAccount',
    name: request.params.name ?? '',
  });
}

function migrate(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  target: Pick<ScopeRef, 'kind' | 'name'>,
  deploymentName?: string,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  return answering(requestId, context, async () => {
    const comp = queryValue(request, 'comp') ?? '';
    const operation = migrationOperationSchema.safeParse(comp.toLowerCase());
    if (!operation.success) {
      return errorResponse(
        badRequestBody(
          `'${comp}' is not a migration operation. Use comp=validate, prepare, commit or abort.`,
        ),
        requestId,
      );
    }
    const options: MigrationOptions = {};
    if (deploymentName !== undefined && (operation.data === 'validate' || operation.data === 'prepare')) {
      const body = await bodyBytes(request);
      // Clients always send a DeploymentNetworkResource; with none, New is assumed (our choice).
      if (body.byteLength > 0) {
        const destination = parseDeploymentNetworkResource(body);
        if (!destination.ok) return badDocumentResponse(destination.error, requestId);
        options.destination = destination.value;
      }
    }
    const scope: ScopeRef = { subscriptionId: subscriptionIdOf(request), ...target };
    const result = await requestMigration(
      { ...services, entity },
      {
        scope,
        operation: operation.data,
        requestId,
        ...(deploymentName === undefined ? {} : { deploymentName }),
        options,
        requestedBy: callerOf(request),
        origin: originOf(request),
      },
    );
    return respond(result, requestId);
  });
}

function respond(result: ServiceManagementMigrationResult, requestId: string): HttpResponseInit {
  switch (result.kind) {
    case 'validated': {
      // Azure returned Error and Warning messages only (C2, C5, D6); our Information notes stay out of it.
      const messages = result.findings
        .filter((finding) => finding.severity !== 'Information')
        .map(validationMessageFromFinding);
      return xmlResponse(200, serializeValidationMessages(messages), requestId);
    }
    case 'started':
    case 'existing':
      return emptyResponse(202, requestId);
    case 'notRegistered':
      return errorResponse(
        {
          httpStatus: result.refusal.httpStatus,
          code: result.refusal.errorCode,
          message: result.refusal.message,
        },
        requestId,
      );
    case 'notFound':
      return errorResponse(notFoundBody(result.scope.kind, result.message), requestId);
    case 'invalid':
      return errorResponse(badRequestBody(result.message), requestId);
    case 'refused':
      return errorResponse({ httpStatus: 409, code: 'ConflictError', message: result.message }, requestId);
    case 'enqueueFailed':
      return errorResponse(
        { httpStatus: 503, code: 'ServiceUnavailable', message: result.message },
        requestId,
      );
  }
}

/** Recorded: a missing VNet is 400 BadRequest; missing deployments and storage accounts 404 (C2, C5). */
function notFoundBody(kind: ScopeKind, message: string): ServiceManagementErrorBody {
  return kind === 'virtualNetwork'
    ? badRequestBody(message)
    : { httpStatus: 404, code: 'ResourceNotFound', message };
}

function badRequestBody(message: string): ServiceManagementErrorBody {
  return { httpStatus: 400, code: 'BadRequest', message };
}
