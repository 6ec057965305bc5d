/**
 * VMs inside and outside an availability set may not share a cloud service (D2, H5 #11). Azure's
 * published text lacks the closing brace of `{hosted-service-name`; the template keeps it, the renderer
 * still fills the name.
 */
import { virtualMachinesOf } from '../../classic/virtual-machines';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentMixedAvailabilitySetRule = defineRule(
  {
    code: 'DEPLOYMENT_MIXED_AVAILABILITY_SET',
    title: 'VMs with and without an availability set',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Deployment {deployment-name} in HostedService {hosted-service-name because it has VMs that are not part of the Availability Set even though the HostedService contains one.',
    azureText: true,
    recommendation:
      'Put every VM of the cloud service into the availability set, or take every VM out of it, then retry.',
    sources: ['H5', 'D2', 'D3'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) => {
      const vms = virtualMachinesOf(cloudService, deployment);
      const inSet = vms.filter(({ role }) => role.availabilitySetName !== undefined).length;
      return inSet > 0 && inSet < vms.length
        ? [
            report(deploymentSubject(deployment), {
              'deployment-name': deployment.name,
              'hosted-service-name': cloudService.name,
            }),
          ]
        : [];
    }),
);
