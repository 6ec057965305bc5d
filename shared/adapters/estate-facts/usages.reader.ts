/**
 * Regional usage lists, for the pre-flight quota checks (D1, D4):
 * `GET /subscriptions/{id}/providers/Microsoft.Compute/locations/{location}/usages`
 * (learn.microsoft.com/rest/api/compute/usage/list) and
 * `GET /subscriptions/{id}/providers/Microsoft.Network/locations/{location}/usages`
 * (learn.microsoft.com/rest/api/virtualnetwork/usages/list), as REST returns them
 * (`{ "value": [{ "name": { "value", "localizedValue" }, "currentValue", "limit", "unit" }] }`) or as
 * `az vm list-usage` / `az network list-usages` print them (a bare array, numbers as strings).
 *
 * The region is in the URL: a Network usage's `id` repeats it; a Compute usage has no id, so the import
 * must be told (`location`). Only the usages the quota rules check are recorded.
 */
import type { QuotaResource } from '../../domain/classic/inventory.schema';
import { FactDocumentRejection } from './fact-document-error';
import type { FactCollector, FactReadContext } from './fact-reading';
import { factKey, isObject, optionalString, requiredInteger, requiredString, valueAt } from './json-values';

const quotaOfUsage: Readonly<Record<string, QuotaResource>> = {
  cores: 'cores',
  virtualnetworks: 'virtualNetworks',
  networkinterfaces: 'networkInterfaces',
  loadbalancers: 'loadBalancers',
  publicipaddresses: 'publicIpAddresses',
  staticpublicipaddresses: 'staticPublicIpAddresses',
  networksecuritygroups: 'networkSecurityGroups',
  routetables: 'routeTables',
};

/** True when every item looks like a usage (`name.value`, `limit`, `currentValue`). */
export function isUsageList(items: readonly unknown[]): boolean {
  return (
    items.length > 0 &&
    items.every(
      (item) =>
        isObject(item) &&
        typeof valueAt(item, 'name', 'value') === 'string' &&
        item.limit !== undefined &&
        item.currentValue !== undefined,
    )
  );
}

export function readUsageList(
  items: readonly unknown[],
  path: string,
  context: FactReadContext,
  out: FactCollector,
): void {
  let skipped = 0;
  items.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const at = `${path}[${index}]`;
    const usageName = requiredString(valueAt(raw, 'name', 'value'), `${at}.name.value`, 'The usage name');
    const resource = quotaOfUsage[usageName.toLowerCase()];
    if (resource === undefined) {
      skipped += 1;
      return;
    }
    const location =
      /\/locations\/([^/]+)\/usages\//i.exec(optionalString(raw.id) ?? '')?.[1] ?? context.location;
    if (location === undefined)
      throw new FactDocumentRejection({
        code: 'LocationRequired',
        message:
          'This usage list does not say its region (a Compute usage list has it only in its URL). Import it again with location=<region>, e.g. location=westeurope.',
        path: at,
      });
    out.facts.push({
      kind: 'quota',
      key: factKey('quota', location.replace(/\s+/g, ''), resource),
      location,
      resource,
      usageName,
      limit: requiredInteger(raw.limit, `${at}.limit`, 'The limit'),
      currentUsage: requiredInteger(raw.currentValue, `${at}.currentValue`, 'The current value'),
    });
  });
  if (skipped > 0) out.notes.push(`${skipped} usage(s) skipped: no quota rule checks them.`);
}
