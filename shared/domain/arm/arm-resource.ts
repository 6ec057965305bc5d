/**
 * An ARM resource in REST/template shape, as the translation produces it and the ARM read API serves it.
 * Pure.
 */
import { z } from 'zod';

export const armResourceSchema = z.object({
  /** `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}` (child types add segments). */
  id: z.string(),
  name: z.string(),
  /** `Microsoft.Compute/virtualMachines`, `Microsoft.Compute/virtualMachines/extensions`, … */
  type: z.string(),
  apiVersion: z.string(),
  location: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
  sku: z.record(z.string(), z.unknown()).optional(),
  kind: z.string().optional(),
  properties: z.record(z.string(), z.unknown()),
  /** Resource IDs this resource needs first (templates only; the read API omits it). */
  dependsOn: z.array(z.string()).optional(),
});
export type ArmResource = z.infer<typeof armResourceSchema>;

export const resourceGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
});
export type ResourceGroup = z.infer<typeof resourceGroupSchema>;

/** `/subscriptions/{sub}/resourceGroups/{rg}`. */
export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** `/subscriptions/{sub}/resourceGroups/{rg}/providers/{type}/{name}` for a top-level or child type. */
export function armResourceId(
  subscriptionId: string,
  resourceGroup: string,
  type: string,
  ...names: string[]
): string {
  const [namespace, ...typeSegments] = type.split('/');
  const path = typeSegments.map((segment, i) => `${segment}/${names[i] ?? ''}`).join('/');
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${namespace}/${path}`;
}

/** ARM IDs compare case-insensitively. */
export function sameArmId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
