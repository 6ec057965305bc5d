/**
 * ARM resource ids, read loosely (keywords compare case-insensitively, names are URL-decoded):
 * `/subscriptions/<s>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<child type>/<child name>…]`.
 * Classic resources show in ARM under `Microsoft.ClassicNetwork`, `Microsoft.ClassicCompute` and
 * `Microsoft.ClassicStorage` (learn.microsoft.com/azure/virtual-machines/migration-classic-resource-manager-overview).
 */
import type { ClassicVnetRef } from '../../domain/facts/estate-fact.schema';

export interface ArmResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** `Microsoft.ClassicNetwork` */
  namespace: string;
  /** Type and name pairs from the top resource down: `[['virtualNetworks', 'v'], ['subnets', 's']]`. */
  path: [type: string, name: string][];
}

export function parseArmResourceId(id: string): ArmResourceId | undefined {
  const parts = id.trim().split('/').filter(Boolean).map(decode);
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  let at = 0;
  if (parts[at]?.toLowerCase() === 'subscriptions') {
    subscriptionId = parts[at + 1];
    at += 2;
  }
  if (parts[at]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = parts[at + 1];
    at += 2;
  }
  if (parts[at]?.toLowerCase() !== 'providers' || parts[at + 1] === undefined) return undefined;
  const namespace = parts[at + 1] as string;
  const path: [string, string][] = [];
  for (let i = at + 2; i + 1 < parts.length; i += 2) path.push([parts[i] as string, parts[i + 1] as string]);
  if (path.length === 0) return undefined;
  return {
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    ...(resourceGroup === undefined ? {} : { resourceGroup }),
    namespace,
    path,
  };
}

/** True when the id is of the given `Namespace/type` (top-level type), case-insensitively. */
export function isOfType(id: ArmResourceId, namespace: string, type: string): boolean {
  return (
    id.namespace.toLowerCase() === namespace.toLowerCase() &&
    id.path[0]?.[0].toLowerCase() === type.toLowerCase()
  );
}

/** The Classic VNet an id (of the VNet or one of its subnets) names; undefined for any other resource. */
export function classicVnetOfId(id: string | undefined): ClassicVnetRef | undefined {
  const parsed = id === undefined ? undefined : parseArmResourceId(id);
  if (!parsed || !isOfType(parsed, 'Microsoft.ClassicNetwork', 'virtualNetworks')) return undefined;
  return {
    name: parsed.path[0]?.[1] as string,
    ...(parsed.resourceGroup === undefined ? {} : { resourceGroup: parsed.resourceGroup }),
  };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
