/** Deployments still tied to an affinity group are not in the regional scope (H5 #17, D3). */
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentNotInRegionalScopeRule = defineRule(
  {
    code: 'DEPLOYMENT_NOT_IN_REGIONAL_SCOPE',
    title: 'Deployment not in the regional scope',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not allowed for Deployment {deployment-name} in HostedService {cloud-service-name} as it is not in the regional scope. Please refer to https://aka.ms/regionalscope for moving this deployment to regional scope.',
    azureText: true,
    recommendation: 'Move the deployment to the regional scope (https://aka.ms/regionalscope), then retry.',
    sources: ['H5', 'D3'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents)
      .filter(({ deployment }) => !deployment.regionalScope)
      .map(({ cloudService, deployment }) =>
        report(deploymentSubject(deployment), {
          'deployment-name': deployment.name,
          'cloud-service-name': cloudService.name,
        }),
      ),
);
