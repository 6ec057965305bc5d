/**
 * ARM resources that sit in a Classic VNet and block its migration (D2): HDInsight clusters, App Service
 * Environments, API Management services, application gateways, and (2016 only) Azure AD Domain Services.
 * Each names its VNet through a property of its own (REST reference, learn.microsoft.com/rest/api/…):
 *
 * - `Microsoft.HDInsight/clusters`: `properties.computeProfile.roles[].virtualNetworkProfile.id` (and `.subnet`)
 * - `Microsoft.Web/hostingEnvironments`: `properties.virtualNetwork.id`
 * - `Microsoft.ApiManagement/service`: `properties.virtualNetworkConfiguration.subnetResourceId`, or its
 *   `vnetid` (the Classic site id) when there is no subnet id; the same for each `additionalLocations[]`
 * - `Microsoft.Network/applicationGateways`: `properties.gatewayIPConfigurations[].properties.subnet.id`
 * - `Microsoft.AAD/domainServices`: `properties.subnetId`, `properties.replicaSets[].subnetId`, or the
 *   older `properties.vnetSiteID` (our reading of the 2017–2021 API versions)
 *
 * Only references to `Microsoft.ClassicNetwork/virtualNetworks` make facts; a resource in an ARM VNet is
 * not about the Classic estate and is skipped with a note.
 */
import type { ClassicVnetRef, VnetServiceFactKind } from '../../domain/facts/estate-fact.schema';
import { classicVnetOfId } from './arm-resource-id';
import type { FactCollector } from './fact-reading';
import {
  arrayAt,
  factKey,
  type JsonObject,
  optionalString,
  requiredString,
  setting,
  valueAt,
} from './json-values';

type VnetRefs = (item: JsonObject) => ClassicVnetRef[];

function readVnetService(kind: VnetServiceFactKind, vnetsOf: VnetRefs) {
  return (item: JsonObject, path: string, out: FactCollector): void => {
    const resourceId = requiredString(item.id, `${path}.id`, 'The resource id');
    const resourceName = optionalString(item.name) ?? resourceId.split('/').at(-1) ?? resourceId;
    const refs = uniqueRefs(vnetsOf(item));
    if (refs.length === 0) {
      out.notes.push(`${resourceName} is not in a Classic virtual network: nothing recorded for it.`);
      return;
    }
    for (const virtualNetwork of refs)
      out.facts.push({
        kind,
        key: factKey(kind, resourceId, virtualNetwork.siteId ?? virtualNetwork.name),
        virtualNetwork,
        resourceName,
        resourceId,
      });
  };
}

function uniqueRefs(refs: ClassicVnetRef[]): ClassicVnetRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = factKey(ref.siteId, ref.resourceGroup, ref.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const defined = (refs: (ClassicVnetRef | undefined)[]): ClassicVnetRef[] =>
  refs.filter((ref): ref is ClassicVnetRef => ref !== undefined);

export const readHdInsightCluster = readVnetService('hdInsightCluster', (item) =>
  defined(
    arrayAt(valueAt(setting(item, 'computeProfile'), 'roles')).map((role) => {
      const profile = valueAt(role, 'virtualNetworkProfile');
      return (
        classicVnetOfId(optionalString(valueAt(profile, 'id'))) ??
        classicVnetOfId(optionalString(valueAt(profile, 'subnet')))
      );
    }),
  ),
);

export const readAppServiceEnvironment = readVnetService('appServiceEnvironment', (item) =>
  defined([classicVnetOfId(optionalString(valueAt(setting(item, 'virtualNetwork'), 'id')))]),
);

export const readApiManagementService = readVnetService('apiManagementService', (item) => {
  if (optionalString(setting(item, 'virtualNetworkType'))?.toLowerCase() === 'none') return [];
  const configurations = [
    setting(item, 'virtualNetworkConfiguration'),
    ...arrayAt(setting(item, 'additionalLocations')).map((location) =>
      valueAt(location, 'virtualNetworkConfiguration'),
    ),
  ];
  return defined(
    configurations.map((configuration) => {
      const subnetId = optionalString(valueAt(configuration, 'subnetResourceId'));
      if (subnetId !== undefined) return classicVnetOfId(subnetId);
      const siteId = optionalString(valueAt(configuration, 'vnetid'));
      return siteId === undefined || /^0{8}-/.test(siteId) ? undefined : { siteId };
    }),
  );
});

export const readApplicationGateway = readVnetService('applicationGateway', (item) =>
  defined(
    arrayAt(setting(item, 'gatewayIPConfigurations')).map((configuration) =>
      classicVnetOfId(
        optionalString(valueAt(configuration, 'properties', 'subnet', 'id')) ??
          optionalString(valueAt(configuration, 'subnet', 'id')),
      ),
    ),
  ),
);

export const readDomainServices = readVnetService('domainServices', (item) => {
  const bySubnet = defined([
    classicVnetOfId(optionalString(setting(item, 'subnetId'))),
    ...arrayAt(setting(item, 'replicaSets')).map((replica) =>
      classicVnetOfId(optionalString(valueAt(replica, 'subnetId'))),
    ),
  ]);
  const siteId = optionalString(setting(item, 'vnetSiteID')) ?? optionalString(setting(item, 'vnetSiteId'));
  return bySubnet.length > 0 || siteId === undefined ? bySubnet : [{ siteId }];
});
