/**
 * The ARM read API's lists: the resources of a resource group or of a whole subscription, all of them or of
 * one type, filtered by `$filter`, one page at a time. A page ends with an opaque `$skipToken` (base64url of
 * the key the next page starts after), which the handler turns into the `nextLink` the SDK clients follow.
 *
 * Each page reads the group (one partition scan) or the subscription (one range scan) and filters in memory:
 * the store has no index by type or name, and a migration's inventory is thousands of resources, not millions.
 */
import { z } from 'zod';

import { armListKey, maxArmListPageSize, pageAfter } from '../../domain/arm/list-page';
import {
  filtersOnTags,
  matchesResourceFilter,
  parseResourceFilter,
  parseScaleSetFilter,
} from '../../domain/arm/resource-filter';
import type { ArmInventoryStore, StoredArmResource } from '../../ports/inventory.port';

export interface ListArmResourcesQuery {
  subscriptionId: string;
  /** Undefined: every resource group of the subscription. */
  resourceGroup?: string | undefined;
  /** `Namespace/type` (case-insensitive); undefined: every type (the generic `…/resources` lists). */
  resourceType?: string | undefined;
  /** `$filter` as sent. The generic lists take ARM's resource filter; a typed list only the VM scale-set form. */
  filter?: string | undefined;
  /** `$top` as sent: the page size asked for. */
  top?: string | undefined;
  /** `$skipToken` as sent (from a nextLink this API built). */
  skipToken?: string | undefined;
  /** The page size without `$top`. */
  pageSize: number;
}

export type ListArmResourcesResult =
  | {
      kind: 'page';
      resources: StoredArmResource[];
      /** The `$skipToken` of the next page; undefined on the last one. */
      nextSkipToken: string | undefined;
      /** ARM leaves tags out when the filter names tags. */
      withoutTags: boolean;
    }
  | { kind: 'resourceGroupNotFound'; resourceGroup: string }
  | { kind: 'invalidFilter'; filter: string; reason: string }
  | { kind: 'invalidTop'; top: string }
  | { kind: 'invalidSkipToken' };

const skipTokenSchema = z.object({ v: z.literal(1), after: z.string().min(1) });

function encodeSkipToken(after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): string | undefined {
  try {
    const parsed = skipTokenSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.after : undefined;
  } catch {
    return undefined;
  }
}

type Matcher = { matches: (stored: StoredArmResource) => boolean; withoutTags: boolean };

function matcherFor(query: ListArmResourcesQuery): Matcher | { reason: string } {
  const everything: Matcher = { matches: () => true, withoutTags: false };
  const text = query.filter?.trim();
  if (query.resourceType !== undefined) {
    const type = query.resourceType.toLowerCase();
    const ofType = (stored: StoredArmResource) => stored.resource.type.toLowerCase() === type;
    if (!text) return { matches: ofType, withoutTags: false };
    // The typed lists of Network, Storage and the rest take no $filter; Compute's VM lists take one form.
    const scaleSet = type === 'microsoft.compute/virtualmachines' ? parseScaleSetFilter(text) : undefined;
    if (scaleSet === undefined)
      return {
        reason: `a list of ${query.resourceType} takes no $filter (only VM lists take 'virtualMachineScaleSet/id' eq '<id>')`,
      };
    return {
      matches: (stored) => ofType(stored) && scaleSetOf(stored)?.toLowerCase() === scaleSet.toLowerCase(),
      withoutTags: false,
    };
  }
  if (!text) return everything;
  const parsed = parseResourceFilter(text);
  if (!parsed.ok) return { reason: parsed.reason };
  const filter = parsed.filter;
  return {
    matches: (stored) =>
      matchesResourceFilter(filter, {
        name: stored.resource.name,
        type: stored.resource.type,
        location: stored.resource.location,
        resourceGroup: stored.resourceGroup,
        tags: stored.resource.tags,
      }),
    withoutTags: filtersOnTags(filter),
  };
}

function scaleSetOf(stored: StoredArmResource): string | undefined {
  const scaleSet = stored.resource.properties['virtualMachineScaleSet'];
  return typeof scaleSet === 'object' &&
    scaleSet !== null &&
    'id' in scaleSet &&
    typeof scaleSet.id === 'string'
    ? scaleSet.id
    : undefined;
}

function pageSizeOf(query: ListArmResourcesQuery): number | undefined {
  if (query.top === undefined) return query.pageSize;
  if (!/^\s*\d+\s*$/.test(query.top)) return undefined;
  const top = Number(query.top);
  return top < 1 ? undefined : Math.min(top, maxArmListPageSize);
}

/** One page of a resource list. */
export async function listArmResources(
  deps: { armInventory: ArmInventoryStore },
  query: ListArmResourcesQuery,
): Promise<ListArmResourcesResult> {
  const matcher = matcherFor(query);
  if ('reason' in matcher)
    return { kind: 'invalidFilter', filter: query.filter ?? '', reason: matcher.reason };
  const size = pageSizeOf(query);
  if (size === undefined) return { kind: 'invalidTop', top: query.top ?? '' };
  const after = query.skipToken === undefined ? undefined : decodeSkipToken(query.skipToken);
  if (query.skipToken !== undefined && after === undefined) return { kind: 'invalidSkipToken' };

  const { armInventory } = deps;
  let resources: StoredArmResource[];
  if (query.resourceGroup === undefined) {
    resources = await armInventory.listSubscriptionResources(query.subscriptionId);
  } else {
    if (!(await armInventory.getResourceGroup(query.subscriptionId, query.resourceGroup)))
      return { kind: 'resourceGroupNotFound', resourceGroup: query.resourceGroup };
    resources = await armInventory.listResources(query.subscriptionId, query.resourceGroup);
  }
  const page = pageAfter(
    resources.filter(matcher.matches),
    (stored) => armListKey(stored.resource.id),
    after,
    size,
  );
  return {
    kind: 'page',
    resources: page.items,
    nextSkipToken: page.continueAfter === undefined ? undefined : encodeSkipToken(page.continueAfter),
    withoutTags: matcher.withoutTags,
  };
}
