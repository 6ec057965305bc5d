/**
 * NSG and route table associations, at the paths the `azure-asm-network` client sends:
 *
 * - `POST|DELETE …/services/networking/virtualnetwork/{vnet}/subnets/{subnet}/networksecuritygroups[/{nsg}]`
 * - `POST|DELETE …/hostedservices/{service}/deployments/{deployment}/roles/{role}/networksecuritygroups[/{nsg}]`
 * - `POST|DELETE …/roles/{role}/networkinterfaces/{nic}/networksecuritygroups[/{nsg}]`
 * - `POST|DELETE …/services/networking/virtualnetwork/{vnet}/subnets/{subnet}/routetables`
 *
 * POST names what to add in its body; DELETE names the NSG in the path (a subnet has one route table, so
 * its DELETE names none). Each answers 202 with the request id.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { parseAssociationName } from '../../adapters/service-management';
import type { Services } from '../../composition';
import { type NsgAssociationTarget, planNsgAssociation } from '../../domain/management/nsg-association';
import { planRouteTableAssociation } from '../../domain/management/route-table-association';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { managementWriteResponse } from './management-write-response';
import { bodyBytes } from './sm-request';
import { answering, badDocumentResponse, newRequestId } from './sm-responses';

type Handler = (
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
) => Promise<HttpResponseInit>;

export const subnetNetworkSecurityGroup: Handler = (services, entity, request, context) =>
  nsgAssociation(services, entity, request, context, {
    kind: 'subnet',
    virtualNetworkName: request.params.virtualNetworkName ?? '',
    subnetName: request.params.subnetName ?? '',
  });

export const roleNetworkSecurityGroup: Handler = (services, entity, request, context) =>
  nsgAssociation(services, entity, request, context, {
    kind: 'role',
    serviceName: request.params.serviceName ?? '',
    deploymentName: request.params.deploymentName ?? '',
    roleName: request.params.roleName ?? '',
  });

export const networkInterfaceNetworkSecurityGroup: Handler = (services, entity, request, context) =>
  nsgAssociation(services, entity, request, context, {
    kind: 'networkInterface',
    serviceName: request.params.serviceName ?? '',
    deploymentName: request.params.deploymentName ?? '',
    roleName: request.params.roleName ?? '',
    networkInterfaceName: request.params.networkInterfaceName ?? '',
  });

function nsgAssociation(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context: InvocationContext | undefined,
  target: NsgAssociationTarget,
): Promise<HttpResponseInit> {
  const requestId = newRequestId(services.ids);
  const adding = request.method === 'POST';
  return answering(requestId, context, async () => {
    const named = adding
      ? parseAssociationName(await bodyBytes(request), 'networkSecurityGroup')
      : ({ ok: true, value: request.params.name ?? '' } as const);
    if (!named.ok) return badDocumentResponse(named.error, requestId);
    const networkSecurityGroupName = named.value;
    return managementWriteResponse(services, entity, request, requestId, {
      kind: adding ? 'AddNetworkSecurityGroup' : 'RemoveNetworkSecurityGroup',
      target: `${targetPath(target)}/${networkSecurityGroupName}`,
      successStatus: 202,
      plan: (inventory) =>
        planNsgAssociation(inventory, {
          target,
          action: adding ? 'add' : 'remove',
          networkSecurityGroupName,
        }),
    });
  });
}

/** The subnet, VM or NIC as `vnet/subnet`, `service/deployment/role` or `service/deployment/role/nic`. */
function targetPath(target: NsgAssociationTarget): string {
  switch (target.kind) {
    case 'subnet':
      return `${target.virtualNetworkName}/${target.subnetName}`;
    case 'role':
      return `${target.serviceName}/${target.deploymentName}/${target.roleName}`;
    case 'networkInterface':
      return `${target.serviceName}/${target.deploymentName}/${target.roleName}/${target.networkInterfaceName}`;
  }
}

export const subnetRouteTable: Handler = (services, entity, request, context) => {
  const requestId = newRequestId(services.ids);
  const virtualNetworkName = request.params.virtualNetworkName ?? '';
  const subnetName = request.params.subnetName ?? '';
  return answering(requestId, context, async () => {
    const where = { virtualNetworkName, subnetName };
    if (request.method !== 'POST') {
      return managementWriteResponse(services, entity, request, requestId, {
        kind: 'RemoveRouteTable',
        target: `${virtualNetworkName}/${subnetName}`,
        successStatus: 202,
        plan: (inventory) => planRouteTableAssociation(inventory, { ...where, action: 'remove' }),
      });
    }
    const named = parseAssociationName(await bodyBytes(request), 'routeTable');
    if (!named.ok) return badDocumentResponse(named.error, requestId);
    return managementWriteResponse(services, entity, request, requestId, {
      kind: 'AddRouteTable',
      target: `${virtualNetworkName}/${subnetName}/${named.value}`,
      successStatus: 202,
      plan: (inventory) =>
        planRouteTableAssociation(inventory, { ...where, action: 'add', routeTableName: named.value }),
    });
  });
};
