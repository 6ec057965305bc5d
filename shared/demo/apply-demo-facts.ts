/**
 * Lays the demo facts (demo-facts.schema.ts) over an imported inventory: resources are found by name
 * (case-insensitively, as Service Management names compare; data disks by LUN) and only the fields given
 * are set. A fact that names something the estate lacks is our broken data, so it throws saying what.
 */
import type { CloudService, Deployment, Role } from '../domain/classic/compute.schema';
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import { findByName } from '../domain/classic/names';
import type { VirtualNetworkSite } from '../domain/classic/network.schema';
import {
  type CloudServiceFacts,
  type DemoFacts,
  type DeploymentFacts,
  type RoleFacts,
  subscriptionIdToken,
  type VirtualNetworkFacts,
} from './demo-facts.schema';

/** Lays the facts over the inventory. Pure; throws when a fact names something the inventory lacks. */
export function applyDemoFacts(inventory: ClassicInventory, facts: DemoFacts): ClassicInventory {
  const subscriptionId = inventory.subscription.id;
  return {
    ...inventory,
    subscription: { ...facts.subscription, id: subscriptionId },
    affinityGroups: [...inventory.affinityGroups, ...facts.affinityGroups],
    roleAssignments: [
      ...inventory.roleAssignments,
      ...facts.roleAssignments.map((assignment) => ({
        ...assignment,
        scope: assignment.scope.split(subscriptionIdToken).join(subscriptionId),
      })),
    ],
    cloudServices: overlay(
      inventory.cloudServices,
      facts.cloudServices,
      'cloud service',
      withCloudServiceFacts,
    ),
    virtualNetworks: overlay(
      inventory.virtualNetworks,
      facts.virtualNetworks,
      'virtual network',
      withVirtualNetworkFacts,
    ),
  };
}

/** Replaces each named item with `apply(item, facts)`; throws when a name matches no item. */
function overlay<T extends { name: string }, F extends { name: string }>(
  items: readonly T[],
  facts: readonly F[],
  what: string,
  apply: (item: T, facts: F) => T,
): T[] {
  const result = [...items];
  for (const fact of facts) {
    const target = findByName(result, fact.name);
    if (!target)
      throw new Error(`The demo facts name ${what} '${fact.name}', which the estate does not have.`);
    result[result.indexOf(target)] = apply(target, fact);
  }
  return result;
}

function withCloudServiceFacts(service: CloudService, facts: CloudServiceFacts): CloudService {
  return {
    ...service,
    ...definedOnly({ resourceGroup: facts.resourceGroup }),
    deployments: overlay(
      service.deployments,
      facts.deployments,
      `deployment of ${service.name}`,
      withDeploymentFacts,
    ),
  };
}

function withDeploymentFacts(deployment: Deployment, facts: DeploymentFacts): Deployment {
  return {
    ...deployment,
    ...definedOnly({ regionalScope: facts.regionalScope, autoscaleSettings: facts.autoscaleSettings }),
    roles: overlay(deployment.roles, facts.roles, `role of deployment ${deployment.name}`, withRoleFacts),
  };
}

function withRoleFacts(role: Role, facts: RoleFacts): Role {
  if (role.roleType !== 'PersistentVMRole')
    throw new Error(`The demo facts give VM facts for ${role.name}, which is a ${role.roleType}.`);
  for (const fact of facts.dataDisks)
    if (!role.dataDisks.some((disk) => disk.lun === fact.lun))
      throw new Error(
        `The demo facts name data disk LUN ${fact.lun} of ${role.name}, which it does not have.`,
      );
  return {
    ...role,
    ...definedOnly({
      alertRules: facts.alertRules,
      winRmListeners: facts.winRmListeners,
      certificateThumbprints: facts.certificateThumbprints,
    }),
    dataDisks: role.dataDisks.map((disk) => {
      const fact = facts.dataDisks.find((candidate) => candidate.lun === disk.lun);
      return fact
        ? {
            ...disk,
            ...definedOnly({
              blobSizeBytes: fact.blobSizeBytes,
              mediaLinkAccessible: fact.mediaLinkAccessible,
            }),
          }
        : disk;
    }),
  };
}

function withVirtualNetworkFacts(vnet: VirtualNetworkSite, facts: VirtualNetworkFacts): VirtualNetworkSite {
  if (facts.gateway && !vnet.gateway)
    throw new Error(`The demo facts give gateway facts for ${vnet.name}, which has no gateway.`);
  return {
    ...vnet,
    ...definedOnly({ resourceGroup: facts.resourceGroup, peerings: facts.peerings }),
    hosts: { ...vnet.hosts, ...definedOnly(facts.hosts ?? {}) },
    ...(vnet.gateway && facts.gateway ? { gateway: { ...vnet.gateway, ...definedOnly(facts.gateway) } } : {}),
  };
}

/** The entries whose value is not undefined (so an absent fact never erases an imported value). */
function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
