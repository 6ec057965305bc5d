/**
 * Exports of a scope: an ARM deployment template per resource group (from the resources Prepare wrote,
 * or, before Prepare, from the plan), and the Classic configuration as Service Management XML — the
 * document a user would have downloaded (Get Hosted Service with embed-detail, Get Network Configuration,
 * the storage / reserved IP / NSG / route table GETs).
 */
import {
  serializeHostedService,
  serializeNetworkConfiguration,
  serializeNetworkSecurityGroup,
  serializeReservedIp,
  serializeRouteTable,
  serializeStorageService,
} from '../adapters/service-management';
import type { Services } from '../composition';
import type { ArmResource, ResourceGroup } from '../domain/arm/arm-resource';
import { scopeKey, type ScopeRef } from '../domain/scope/scope';
import { resolveScope } from '../domain/scope/scope-contents';
import { buildDeploymentTemplate, type DeploymentTemplate } from '../domain/translation/deployment-template';
import { analyseScopeInSlices } from './analyse-scope';
import { loadAndAnalyse } from './load-analysis';

export interface TemplateExport {
  source: 'written' | 'planned';
  resourceGroups: { name: string; location: string; template: DeploymentTemplate }[];
}

export async function exportArmTemplates(
  services: Pick<Services, 'armInventory' | 'classicInventory' | 'operations'>,
  scope: ScopeRef,
): Promise<TemplateExport | undefined> {
  const manifest = await services.armInventory.manifest(scope.subscriptionId, scopeKey(scope));
  let groups: ResourceGroup[];
  let resources: ArmResource[];
  let source: TemplateExport['source'];
  if (manifest.length > 0) {
    const stored = await Promise.all(manifest.map((id) => services.armInventory.getResource(id)));
    resources = stored.flatMap((entry) => (entry ? [entry.resource] : []));
    const groupNames = [...new Set(stored.flatMap((entry) => (entry ? [entry.resourceGroup] : [])))];
    groups = (
      await Promise.all(
        groupNames.map((name) => services.armInventory.getResourceGroup(scope.subscriptionId, name)),
      )
    ).filter((group): group is ResourceGroup => group !== undefined);
    source = 'written';
  } else {
    const operations = await services.operations.listByScope(scopeKey(scope), 10);
    const options =
      operations.find((op) => op.operation === 'prepare' || op.operation === 'validate')?.options ?? {};
    const { analysis } = await loadAndAnalyse(services, analyseScopeInSlices, scope, options, false);
    if (!analysis.translation) return undefined;
    groups = analysis.translation.resourceGroups;
    resources = analysis.translation.resources;
    source = 'planned';
  }
  return {
    source,
    resourceGroups: groups.map((group) => ({
      name: group.name,
      location: group.location,
      template: buildDeploymentTemplate(group, resources),
    })),
  };
}

export interface ClassicExport {
  fileName: string;
  xml: string;
}

/** The Classic configuration of a scope as Service Management XML; undefined when it is not in Classic. */
export async function exportClassicConfiguration(
  services: Pick<Services, 'classicInventory'>,
  scope: ScopeRef,
): Promise<ClassicExport | undefined> {
  const inventory = await services.classicInventory.load(scope.subscriptionId);
  const contents = resolveScope(inventory, scope);
  if (!contents) return undefined;
  const safe = scope.name.replace(/[^A-Za-z0-9._-]+/g, '_');
  switch (contents.kind) {
    case 'virtualNetwork':
      // Get-AzureVNetConfig exports the whole subscription's network configuration; so does this.
      return {
        fileName: `NetworkConfig-${safe}.xml`,
        xml: serializeNetworkConfiguration({
          dnsServers: inventory.dnsServers,
          localNetworkSites: inventory.localNetworkSites,
          virtualNetworks: inventory.virtualNetworks,
        }),
      };
    case 'cloudService':
      return { fileName: `HostedService-${safe}.xml`, xml: serializeHostedService(contents.cloudService) };
    case 'storageAccount':
      return {
        fileName: `StorageService-${safe}.xml`,
        xml: serializeStorageService(contents.storageAccount),
      };
    case 'reservedIp':
      return { fileName: `ReservedIP-${safe}.xml`, xml: serializeReservedIp(contents.reservedIp) };
    case 'networkSecurityGroup':
      return {
        fileName: `NetworkSecurityGroup-${safe}.xml`,
        xml: serializeNetworkSecurityGroup(contents.networkSecurityGroup),
      };
    case 'routeTable':
      return { fileName: `RouteTable-${safe}.xml`, xml: serializeRouteTable(contents.routeTable) };
  }
}
