/**
 * The facts Service Management never returns (ARM quotas, role assignments on Classic resources, blob sizes
 * of data disks, alert rules, regional scope, VNet peerings and hosted services, gateway type and VIP), as
 * estate/facts.json holds them: in the shape of the Classic model, each resource named, only the fields
 * that are known. Strict, so a misspelt key fails the load instead of being ignored.
 */
import { z } from 'zod';

import {
  alertRuleSchema,
  autoscaleSettingSchema,
  winRmListenerSchema,
} from '../domain/classic/compute.schema';
import {
  affinityGroupSchema,
  classicRoleAssignmentSchema,
  subscriptionSchema,
} from '../domain/classic/inventory.schema';
import { hostedServicesInVnetSchema, vpnGatewaySchema } from '../domain/classic/network.schema';

const dataDiskFactsSchema = z
  .object({
    lun: z.number().int(),
    blobSizeBytes: z.number().int().optional(),
    mediaLinkAccessible: z.boolean().optional(),
  })
  .strict();

const roleFactsSchema = z
  .object({
    name: z.string(),
    alertRules: z.array(alertRuleSchema).optional(),
    winRmListeners: z.array(winRmListenerSchema).optional(),
    certificateThumbprints: z.array(z.string()).optional(),
    dataDisks: z.array(dataDiskFactsSchema).default([]),
  })
  .strict();

const deploymentFactsSchema = z
  .object({
    name: z.string(),
    regionalScope: z.boolean().optional(),
    autoscaleSettings: z.array(autoscaleSettingSchema).optional(),
    roles: z.array(roleFactsSchema).default([]),
  })
  .strict();

const cloudServiceFactsSchema = z
  .object({
    name: z.string(),
    resourceGroup: z.string().optional(),
    deployments: z.array(deploymentFactsSchema).default([]),
  })
  .strict();

const virtualNetworkFactsSchema = z
  .object({
    name: z.string(),
    resourceGroup: z.string().optional(),
    peerings: z.array(z.string()).optional(),
    hosts: hostedServicesInVnetSchema.partial().strict().optional(),
    gateway: vpnGatewaySchema
      .pick({ gatewayType: true, gatewaySize: true, vipAddress: true })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export const demoFactsSchema = z
  .object({
    $comment: z.string().optional(),
    subscription: subscriptionSchema.omit({ id: true }).strict(),
    affinityGroups: z.array(affinityGroupSchema).default([]),
    roleAssignments: z.array(classicRoleAssignmentSchema).default([]),
    cloudServices: z.array(cloudServiceFactsSchema).default([]),
    virtualNetworks: z.array(virtualNetworkFactsSchema).default([]),
  })
  .strict();
export type DemoFacts = z.infer<typeof demoFactsSchema>;
export type CloudServiceFacts = DemoFacts['cloudServices'][number];
export type DeploymentFacts = CloudServiceFacts['deployments'][number];
export type RoleFacts = DeploymentFacts['roles'][number];
export type VirtualNetworkFacts = DemoFacts['virtualNetworks'][number];

/** Written in role assignment scopes where the subscription id goes. */
export const subscriptionIdToken = '{subscriptionId}';
