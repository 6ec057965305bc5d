/**
 * Load-balancer rule validity (D1): an internal load balancer's frontend must sit in a subnet of the
 * deployment's VNet. Ours.
 */
import { internalLoadBalancerPlacements } from '../support/internal-load-balancer-subnets';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const lbInternalSubnetNotFoundRule = defineRule(
  {
    code: 'LB_INTERNAL_SUBNET_NOT_FOUND',
    title: 'Internal load balancer subnet not in the virtual network',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} has internal load balancer {load-balancer-name} in subnet {subnet-name}, which Virtual Network {virtual-network-name} does not have.',
    azureText: false,
    recommendation:
      'Point the internal load balancer at a subnet of the virtual network, then retry Prepare.',
    sources: ['D1'],
  },
  ({ inventory, contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) =>
      internalLoadBalancerPlacements(inventory, deployment)
        .filter((placement) => placement.subnet === undefined)
        .map(({ loadBalancer, virtualNetwork }) =>
          report(deploymentSubject(deployment), {
            'deployment-name': deployment.name,
            'hosted-service-name': cloudService.name,
            'load-balancer-name': loadBalancer.name,
            'subnet-name': loadBalancer.subnetName ?? '',
            'virtual-network-name': virtualNetwork.name,
          }),
        ),
    ),
);
