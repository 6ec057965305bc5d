/** A cloud service may hold one availability set at most (D2; 2016 wording of H5 #10). */
import { virtualMachinesOf } from '../../classic/virtual-machines';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentMultipleAvailabilitySetsRule = defineRule(
  {
    code: 'DEPLOYMENT_MULTIPLE_AVAILABILITY_SETS',
    title: 'More than one availability set',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Deployment {deployment-name} in HostedService {hosted-service-name} because it has multiple Availability Sets.',
    azureText: true,
    recommendation:
      'Move every VM of the cloud service into one availability set (or out of them), then retry.',
    sources: ['H5', 'D2', 'D3'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) => {
      const sets = new Set(
        virtualMachinesOf(cloudService, deployment).flatMap(({ role }) =>
          role.availabilitySetName === undefined ? [] : [role.availabilitySetName.toLowerCase()],
        ),
      );
      return sets.size > 1
        ? [
            report(deploymentSubject(deployment), {
              'deployment-name': deployment.name,
              'hosted-service-name': cloudService.name,
            }),
          ]
        : [];
    }),
);
