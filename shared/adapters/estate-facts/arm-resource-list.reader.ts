/**
 * A list of ARM resources (`{ "value": [...] }` from the REST API, a bare array from `az … -o json`),
 * read item by item according to its `type`. A list may mix types (`az resource list`); items of a type
 * no rule needs are skipped with a note.
 */
import { readRoleAssignment } from './arm-authorization.reader';
import { readAlertRule, readAutoscaleSetting } from './arm-insights.reader';
import {
  readArmVirtualNetwork,
  readExpressRouteCircuit,
  readVirtualNetworkPeering,
} from './arm-network.reader';
import {
  readApiManagementService,
  readApplicationGateway,
  readAppServiceEnvironment,
  readDomainServices,
  readHdInsightCluster,
} from './arm-vnet-services.reader';
import type { FactCollector } from './fact-reading';
import { isObject, type JsonObject } from './json-values';

type ItemReader = (item: JsonObject, path: string, out: FactCollector) => void;

/** The ARM resource types read, in their documented spelling (types compare case-insensitively). */
export const armResourceReaders: Readonly<Record<string, ItemReader>> = {
  'Microsoft.HDInsight/clusters': readHdInsightCluster,
  'Microsoft.Web/hostingEnvironments': readAppServiceEnvironment,
  'Microsoft.ApiManagement/service': readApiManagementService,
  'Microsoft.Network/applicationGateways': readApplicationGateway,
  'Microsoft.AAD/domainServices': readDomainServices,
  'Microsoft.Network/virtualNetworks': readArmVirtualNetwork,
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': readVirtualNetworkPeering,
  'Microsoft.Network/expressRouteCircuits': readExpressRouteCircuit,
  'Microsoft.Authorization/roleAssignments': readRoleAssignment,
  'Microsoft.Insights/alertrules': readAlertRule,
  'Microsoft.Insights/autoscalesettings': readAutoscaleSetting,
};

const byLowerCaseType = new Map(
  Object.entries(armResourceReaders).map(([type, reader]) => [type.toLowerCase(), { type, reader }]),
);

/** True when some item of the list has an ARM `type` this adapter reads. */
export function isArmResourceList(items: readonly unknown[]): boolean {
  return items.some(
    (item) => isObject(item) && typeof item.type === 'string' && byLowerCaseType.has(item.type.toLowerCase()),
  );
}

/** Reads the items; returns the types read (the document's kind). */
export function readArmResourceList(items: readonly unknown[], path: string, out: FactCollector): string[] {
  const types = new Set<string>();
  const skipped = new Map<string, number>();
  items.forEach((item, index) => {
    const type = isObject(item) && typeof item.type === 'string' ? item.type : '(no type)';
    const entry = byLowerCaseType.get(type.toLowerCase());
    if (!entry || !isObject(item)) {
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      return;
    }
    types.add(entry.type);
    entry.reader(item, `${path}[${index}]`, out);
  });
  for (const [type, count] of skipped)
    out.notes.push(`${count} item(s) of type ${type} skipped: no validation rule needs them.`);
  return [...types];
}
