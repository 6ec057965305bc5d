/**
 * The estate facts that bear on one scope, for its status: those about its VNet (hosted services,
 * peerings, gateway and connection state, ExpressRoute links and the linked circuits), about its cloud
 * services and VMs (autoscale settings, alert rules), about the blobs of its data disks, the role
 * assignments on its resources, the quotas of the regions its planned resources go to, its affinity
 * groups, and the subscription's registration. Found the same way `applyEstateFacts` finds targets. Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import { type ScopeContents, virtualMachinesInScope } from '../scope/scope-contents';
import { appliesToTargets, classicRbacTargetsOf } from '../validation/support/classic-resource-ids';
import { normalizeLocation } from '../validation/support/location';
import type { EstateFact } from './estate-fact.schema';
import {
  blobLocationOf,
  containerKeyOf,
  findClassicVirtualNetwork,
  findVirtualMachine,
} from './fact-targets';

export function factsOfScope(
  inventory: ClassicInventory,
  contents: ScopeContents | undefined,
  /** Where the scope's ARM resources would go (the quota rules count per region). */
  plannedLocations: readonly string[] = [],
): EstateFact[] {
  if (contents === undefined) return [];
  const vnet = contents.kind === 'virtualNetwork' ? contents.virtualNetwork : undefined;
  const deployments =
    contents.kind === 'virtualNetwork' || contents.kind === 'cloudService' ? contents.deployments : [];
  const virtualMachines = virtualMachinesInScope(contents);
  const roles = new Set(virtualMachines.map((vm) => vm.role));
  const containers = new Set(
    virtualMachines
      .flatMap((vm) => vm.role.dataDisks)
      .map((disk) => blobLocationOf(disk.mediaLink)?.container)
      .filter((key): key is string => key !== undefined),
  );
  const circuitKeys = new Set(
    [
      ...(vnet?.expressRouteGateway?.circuitServiceKeys ?? []),
      ...(contents.kind === 'virtualNetwork' ? contents.expressRouteCircuits.map((c) => c.serviceKey) : []),
    ].map((key) => key.toLowerCase()),
  );
  const affinityGroups = [vnet?.affinityGroup, ...deployments.map((d) => d.cloudService.affinityGroup)];
  const regions = new Set(plannedLocations.map(normalizeLocation));
  const rbacTargets = classicRbacTargetsOf(contents);

  const applies = (fact: EstateFact): boolean => {
    switch (fact.kind) {
      case 'hdInsightCluster':
      case 'appServiceEnvironment':
      case 'apiManagementService':
      case 'applicationGateway':
      case 'domainServices':
      case 'dynamicsLcsEnvironment':
      case 'vnetPeering':
      case 'gateway':
      case 'gatewayConnection':
      case 'expressRouteLink':
        return vnet !== undefined && findClassicVirtualNetwork([vnet], fact.virtualNetwork) === vnet;
      case 'expressRouteCircuit':
        return circuitKeys.has(fact.serviceKey.toLowerCase());
      case 'alertRule': {
        const target = findVirtualMachine(inventory, fact.virtualMachine, fact.resourceGroup);
        return target !== undefined && roles.has(target.role);
      }
      case 'autoscaleSetting':
        return deployments.some(({ cloudService }) => sameName(cloudService.name, fact.cloudService));
      case 'vhdBlobListing': {
        const key = containerKeyOf(fact.container);
        return key !== undefined && containers.has(key);
      }
      case 'roleAssignment':
        return appliesToTargets(fact.scope, rbacTargets);
      case 'quota':
        return regions.has(normalizeLocation(fact.location));
      case 'affinityGroup':
        return affinityGroups.some((name) => sameName(name, fact.name));
      case 'migrationRegistration':
        return true;
    }
  };
  return inventory.facts.filter(applies);
}
