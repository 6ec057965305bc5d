/** Web/worker role (PaaS) deployments cannot take the IaaS path (H5 #2, D3; later: Cloud Services (extended support), D11). */
import { deploymentsOf, deploymentSubject, isPaasDeployment } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentPaasRule = defineRule(
  {
    code: 'DEPLOYMENT_PAAS',
    title: 'PaaS (web/worker role) deployment',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    // Azure's text has two spaces before "in HostedService" (H5 #2).
    messageTemplate:
      'Migration is not supported for Deployment {deployment-name}  in HostedService {hosted-service-name} because it is a PaaS deployment (Web/Worker).',
    azureText: true,
    recommendation:
      'Web and worker roles do not migrate with the IaaS migration; move them to Cloud Services (extended support) instead.',
    sources: ['H5', 'D3', 'D11'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents)
      .filter(({ deployment }) => isPaasDeployment(deployment))
      .map(({ cloudService, deployment }) =>
        report(deploymentSubject(deployment), {
          'deployment-name': deployment.name,
          'hosted-service-name': cloudService.name,
        }),
      ),
);
