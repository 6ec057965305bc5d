/**
 * The Classic availability-set property of VMs → top-level `Microsoft.Compute/availabilitySets` (D1),
 * one per distinct name in the deployment (more than one is refused by validation, not here). Pure.
 *
 * Our choice: 2 fault domains and 5 update domains, the fixed values Classic cloud services used
 * (an unmanaged-disk availability set at 2016-03-30 accepts them).
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import { childClassicId, deploymentClassicId } from './classic-ids';
import { account, addResource, type TranslationContext } from './translation-context';

export const classicFaultDomainCount = 2;
export const classicUpdateDomainCount = 5;

/** Adds the availability sets of the given VMs; returns lower-cased Classic name → ARM ID. */
export function translateAvailabilitySets(
  ctx: TranslationContext,
  cloudService: CloudService,
  deployment: Deployment,
  members: readonly { availabilitySetName: string | undefined; vmId: string }[],
  resourceGroup: string,
  location: string,
): Map<string, string> {
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const member of members)
    if (member.availabilitySetName && !names.has(member.availabilitySetName.toLowerCase()))
      names.set(member.availabilitySetName.toLowerCase(), member.availabilitySetName);
  for (const [key, name] of names) {
    const classicId = childClassicId(
      deploymentClassicId(ctx.subscriptionId, cloudService, deployment),
      'availabilitySets',
      name,
    );
    const vmIds = members
      .filter((m) => m.availabilitySetName?.toLowerCase() === key)
      .map((m) => ({ id: m.vmId }));
    const id = addResource(ctx, {
      request: {
        kind: 'availabilitySet',
        classicId,
        principal: true,
        tokens: {
          cloudService: cloudService.name,
          deployment: deployment.name,
          availabilitySet: name,
          name,
          location,
        },
      },
      resourceGroup,
      type: 'Microsoft.Compute/availabilitySets',
      location,
      properties: {
        platformFaultDomainCount: classicFaultDomainCount,
        platformUpdateDomainCount: classicUpdateDomainCount,
        virtualMachines: vmIds,
      },
    });
    ids.set(key, id);
    account(ctx, { classicId, classicType: 'AvailabilitySet', name, outcome: 'migrated', armIds: [id] });
  }
  return ids;
}
