/**
 * The Classic inventory of one subscription: everything the validation rules, the translation and the
 * plan read. Migration state is not part of it (the scope entity owns that). Pure: zod only.
 */
import { z } from 'zod';

import { estateFactSchema } from '../facts/estate-fact.schema';
import { cloudServiceSchema } from './compute.schema';
import {
  dnsServerSchema,
  expressRouteCircuitSchema,
  localNetworkSiteSchema,
  networkSecurityGroupSchema,
  reservedIpSchema,
  routeTableSchema,
  virtualNetworkSiteSchema,
} from './network.schema';
import { classicDiskSchema, storageAccountSchema, vmImageSchema } from './storage.schema';

/** A role assignment on a Classic resource, to be re-created on the ARM resources that replace it. */
export const classicRoleAssignmentSchema = z.object({
  principalId: z.string(),
  principalName: z.string().optional(),
  principalType: z.enum(['User', 'Group', 'ServicePrincipal']).default('User'),
  roleDefinitionName: z.string(),
  /** The Classic resource's ID as ARM shows it, e.g. `/subscriptions/…/providers/Microsoft.ClassicCompute/domainNames/x`. */
  scope: z.string(),
});
export type ClassicRoleAssignment = z.infer<typeof classicRoleAssignmentSchema>;

/** One ARM regional quota (limit and current usage), for the pre-flight quota checks. */
export const regionalQuotaSchema = z.object({
  location: z.string(),
  resource: z.enum([
    'cores',
    'networkInterfaces',
    'loadBalancers',
    'publicIpAddresses',
    'staticPublicIpAddresses',
    'networkSecurityGroups',
    'routeTables',
    'virtualNetworks',
  ]),
  limit: z.number().int(),
  currentUsage: z.number().int().default(0),
});
export type RegionalQuota = z.infer<typeof regionalQuotaSchema>;
export type QuotaResource = RegionalQuota['resource'];

export const subscriptionSchema = z.object({
  id: z.string(),
  /** `Microsoft.ClassicInfrastructureMigrate` registered (every migration call fails otherwise). */
  registeredForMigration: z.boolean().default(false),
  /** ARM quotas known for the subscription; a resource without a row is not checked. */
  quotas: z.array(regionalQuotaSchema).default([]),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Affinity groups pin Classic resources to a region; resources in one take its location. */
export const affinityGroupSchema = z.object({ name: z.string(), location: z.string() });

export const classicInventorySchema = z.object({
  subscription: subscriptionSchema,
  affinityGroups: z.array(affinityGroupSchema).default([]),
  cloudServices: z.array(cloudServiceSchema).default([]),
  virtualNetworks: z.array(virtualNetworkSiteSchema).default([]),
  localNetworkSites: z.array(localNetworkSiteSchema).default([]),
  dnsServers: z.array(dnsServerSchema).default([]),
  reservedIps: z.array(reservedIpSchema).default([]),
  networkSecurityGroups: z.array(networkSecurityGroupSchema).default([]),
  routeTables: z.array(routeTableSchema).default([]),
  storageAccounts: z.array(storageAccountSchema).default([]),
  disks: z.array(classicDiskSchema).default([]),
  vmImages: z.array(vmImageSchema).default([]),
  expressRouteCircuits: z.array(expressRouteCircuitSchema).default([]),
  roleAssignments: z.array(classicRoleAssignmentSchema).default([]),
  /**
   * The facts Service Management does not carry, each with the document it came from and when
   * (shared/domain/facts): imported like the XML, and laid over the resources above on every import.
   */
  facts: z.array(estateFactSchema).default([]),
});
export type ClassicInventory = z.infer<typeof classicInventorySchema>;
export type ClassicInventoryInput = z.input<typeof classicInventorySchema>;
