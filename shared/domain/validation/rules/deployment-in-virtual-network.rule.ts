/**
 * A deployment in a VNet migrates with its VNet, never alone: the cloud-service scope is for deployments
 * not in a VNet (D2). Azure's text for this case is not recorded; ours.
 */
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentInVirtualNetworkRule = defineRule(
  {
    code: 'DEPLOYMENT_IN_VIRTUAL_NETWORK',
    title: 'Deployment is in a virtual network',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Deployment {deployment-name} in HostedService {hosted-service-name} on its own because it is in Virtual Network {virtual-network-name}.',
    azureText: false,
    recommendation: 'Migrate the virtual network instead; every cloud service in it migrates with it.',
    sources: ['D2'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) =>
      deployment.virtualNetworkName === undefined
        ? []
        : [
            report(deploymentSubject(deployment), {
              'deployment-name': deployment.name,
              'hosted-service-name': cloudService.name,
              'virtual-network-name': deployment.virtualNetworkName,
            }),
          ],
    ),
);
