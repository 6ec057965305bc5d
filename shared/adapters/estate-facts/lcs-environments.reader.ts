/**
 * Dynamics Lifecycle Services environments deployed into Classic VNets (D2: not supported). LCS offers no
 * public API that says which Classic VNet its VMs are in, so this document is ours: what the LCS
 * environment page shows, written down —
 *
 * ```json
 * { "dynamicsLifecycleServicesEnvironments": [{ "name": "AX2012-Test", "virtualNetwork": "Dev-VNet" }] }
 * ```
 *
 * `virtualNetwork` is the Service Management name of the Classic VNet.
 */
import type { FactCollector } from './fact-reading';
import { arrayAt, factKey, isObject, type JsonObject, requiredString } from './json-values';

export const lcsEnvironmentsProperty = 'dynamicsLifecycleServicesEnvironments';

export function isLcsEnvironmentsDocument(value: unknown): value is JsonObject {
  return isObject(value) && Array.isArray(value[lcsEnvironmentsProperty]);
}

export function readLcsEnvironments(document: JsonObject, out: FactCollector): void {
  arrayAt(document[lcsEnvironmentsProperty]).forEach((environment, index) => {
    const at = `$.${lcsEnvironmentsProperty}[${index}]`;
    const item = isObject(environment) ? environment : {};
    const name = requiredString(item.name, `${at}.name`, 'The environment name');
    const vnet = requiredString(item.virtualNetwork, `${at}.virtualNetwork`, 'The virtual network');
    out.facts.push({
      kind: 'dynamicsLcsEnvironment',
      key: factKey('dynamicsLcsEnvironment', name, vnet),
      virtualNetwork: { name: vnet },
      resourceName: name,
    });
  });
}
