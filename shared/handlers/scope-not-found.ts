/**
 * The not-found text for a scope, as Service Management recorded it for the kinds it recorded
 * (reference §5: deployment, storage account, VNet), and in the same voice for the others (ours).
 */
import type { ScopeRef } from '../domain/scope/scope';

export function notFoundMessage(scope: Pick<ScopeRef, 'kind' | 'name'>): string {
  switch (scope.kind) {
    case 'cloudService':
      return `The deployment name '${scope.name}' does not exist.`;
    case 'storageAccount':
      return `The storage account '${scope.name}' was not found.`;
    case 'virtualNetwork':
      return `Virtual network '${scope.name}' not found. Either it does not exist or it is an Azure Resource Manager resource, which cannot be used with Cloud Services.`;
    case 'reservedIp':
      return `The reserved IP '${scope.name}' was not found.`;
    case 'networkSecurityGroup':
      return `The network security group '${scope.name}' was not found.`;
    case 'routeTable':
      return `The route table '${scope.name}' was not found.`;
  }
}
