/**
 * The cloud service (or its deployment) does not exist. Azure's Validate answered 200 with this message;
 * Prepare/Commit/Abort answered 404 `ResourceNotFound` with the same text (C2, C5).
 */
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentNotFoundRule = defineRule(
  {
    code: 'DEPLOYMENT_NOT_FOUND',
    title: 'Deployment not found',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    messageTemplate: "The deployment name '{deployment-name}' does not exist.",
    azureText: true,
    recommendation:
      'Check the cloud service and deployment names (the deployment name is usually the cloud service name) and that the cloud service has a deployment in the Production slot.',
    sources: ['C2', 'C5'],
  },
  ({ scope, contents }, report) =>
    contents?.kind === 'cloudService' && contents.deployment !== undefined
      ? []
      : [report({ resourceType: 'Deployment', resourceName: scope.name }, { 'deployment-name': scope.name })],
);
