/** Autoscale settings do not migrate; the migration goes through and drops them (D2). */
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentAutoscaleRule = defineRule(
  {
    code: 'DEPLOYMENT_AUTOSCALE_DROPPED',
    title: 'Autoscale settings are dropped',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} has Autoscale setting {autoscale-name}, which will not be migrated.',
    azureText: false,
    recommendation:
      'Note the settings before migrating and re-create them with Azure Monitor autoscale afterwards.',
    sources: ['D2'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) =>
      deployment.autoscaleSettings.map((setting) =>
        report(deploymentSubject(deployment), {
          'deployment-name': deployment.name,
          'hosted-service-name': cloudService.name,
          'autoscale-name': setting.name,
        }),
      ),
    ),
);
