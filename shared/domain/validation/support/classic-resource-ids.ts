/**
 * Where RBAC can be attached to the Classic resources a scope moves, as ARM shows them (types
 * `Microsoft.ClassicCompute/domainNames`, `…/virtualMachines`, `Microsoft.ClassicNetwork/virtualNetworks`,
 * `…/reservedIps`, `…/networkSecurityGroups`, `Microsoft.ClassicStorage/storageAccounts`) plus the resource
 * groups they show in: migrated resources land in new `<name>-Migrated` groups, so neither kind of
 * assignment follows them (D2, D11). Pure.
 */
import { virtualMachinesOf } from '../../classic/virtual-machines';
import type { ScopeContents } from '../../scope/scope-contents';

export interface ClassicRbacTargets {
  /** Lower-case `/providers/<type>/<name>` suffixes. */
  providerPaths: string[];
  /** Lower-case resource group names. */
  resourceGroups: string[];
}

export function classicRbacTargetsOf(contents: ScopeContents | undefined): ClassicRbacTargets {
  const paths: string[] = [];
  const groups: (string | undefined)[] = [];
  const add = (type: string, name: string, resourceGroup: string | undefined) => {
    paths.push(`/providers/${type}/${name}`.toLowerCase());
    groups.push(resourceGroup);
  };
  switch (contents?.kind) {
    case 'virtualNetwork':
    case 'cloudService':
      if (contents.kind === 'virtualNetwork')
        add(
          'Microsoft.ClassicNetwork/virtualNetworks',
          contents.virtualNetwork.name,
          contents.virtualNetwork.resourceGroup,
        );
      for (const { cloudService, deployment } of contents.deployments) {
        add('Microsoft.ClassicCompute/domainNames', cloudService.name, cloudService.resourceGroup);
        for (const vm of virtualMachinesOf(cloudService, deployment))
          add('Microsoft.ClassicCompute/virtualMachines', vm.role.name, cloudService.resourceGroup);
      }
      for (const reservedIp of contents.reservedIps)
        add('Microsoft.ClassicNetwork/reservedIps', reservedIp.name, reservedIp.resourceGroup);
      break;
    case 'storageAccount':
      add(
        'Microsoft.ClassicStorage/storageAccounts',
        contents.storageAccount.name,
        contents.storageAccount.resourceGroup,
      );
      break;
    case 'reservedIp':
      add(
        'Microsoft.ClassicNetwork/reservedIps',
        contents.reservedIp.name,
        contents.reservedIp.resourceGroup,
      );
      break;
    case 'networkSecurityGroup':
      add(
        'Microsoft.ClassicNetwork/networkSecurityGroups',
        contents.networkSecurityGroup.name,
        contents.networkSecurityGroup.resourceGroup,
      );
      break;
    case 'routeTable':
    case undefined:
      break;
  }
  return {
    providerPaths: [...new Set(paths)],
    resourceGroups: [
      ...new Set(groups.filter((g): g is string => g !== undefined).map((g) => g.toLowerCase())),
    ],
  };
}

/** True when an assignment scope is one of the targets or below one of them. */
export function appliesToTargets(assignmentScope: string, targets: ClassicRbacTargets): boolean {
  const scope = assignmentScope.toLowerCase().replace(/\/+$/, '');
  if (targets.providerPaths.some((path) => scope.endsWith(path) || scope.includes(`${path}/`))) return true;
  const group = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)$/.exec(scope)?.[1];
  return group !== undefined && targets.resourceGroups.includes(group);
}
