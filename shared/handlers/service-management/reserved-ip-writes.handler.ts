/**
 * Reserved IP writes, at the paths the `azure-asm-network` client sends: Create
 * (`POST /{sub}/services/networking/reservedips`, body `ReservedIP`), Delete (`DELETE …/reservedips/{name}`),
 * Associate and Disassociate (`POST …/reservedips/{name}/operations/associate|disassociate`, body
 * `ReservedIPAssociation`). Each answers 202 with the request id.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseCreateReservedIp, parseReservedIpAssociation } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { planCreateReservedIp } from '../../domain/management/create-reserved-ip';
import { planDeleteReservedIp } from '../../domain/management/delete-reserved-ip';
import { resourceNotFound } from '../../domain/management/management-error';
import { planReservedIpAssociation } from '../../domain/management/reserved-ip-association';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { answerWrite, answerWriteWithBody, managementWriteResponse } from './management-write-response';
import { bodyBytes } from './sm-request';
import { answering, badDocumentResponse, errorResponse, newRequestId } from './sm-responses';

export function createReservedIp(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return answerWriteWithBody(services, entity, request, context, parseCreateReservedIp, (body) => ({
    kind: 'CreateReservedIP',
    target: body.name,
    successStatus: 202,
    plan: (inventory) => planCreateReservedIp(inventory, body),
  }));
}

export function deleteReservedIp(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const name = request.params.name ?? '';
  return answerWrite(services, entity, request, context, {
    kind: 'DeleteReservedIP',
    target: name,
    successStatus: 202,
    plan: (inventory) => planDeleteReservedIp(inventory, name),
  });
}

export function reservedIpOperation(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const reservedIpName = request.params.name ?? '';
  const operation = (request.params.operation ?? '').toLowerCase();
  return answering(requestId, context, async () => {
    const action = operation === 'associate' || operation === 'disassociate' ? operation : undefined;
    // Our text: the path names an operation the reserved IP does not have.
    if (action === undefined) {
      return errorResponse(
        resourceNotFound(`'${request.params.operation ?? ''}' is not an operation on a reserved IP.`),
        requestId,
      );
    }
    const body = parseReservedIpAssociation(await bodyBytes(request));
    if (!body.ok) return badDocumentResponse(body.error, requestId);
    return managementWriteResponse(services, entity, request, requestId, {
      kind: action === 'associate' ? 'AssociateReservedIP' : 'DisassociateReservedIP',
      target: `${reservedIpName}/${body.value.serviceName}/${body.value.deploymentName}`,
      successStatus: 202,
      plan: (inventory) => planReservedIpAssociation(inventory, { reservedIpName, action, ...body.value }),
    });
  });
}
