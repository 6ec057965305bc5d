/**
 * Load-balancer rule validity (D1): an internal load balancer's static frontend address must lie in
 * its subnet's prefix. Ours.
 */
import { cidrContains } from '../../network/ipv4';
import { internalLoadBalancerPlacements } from '../support/internal-load-balancer-subnets';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const lbInternalStaticIpOutsideSubnetRule = defineRule(
  {
    code: 'LB_INTERNAL_STATIC_IP_OUTSIDE_SUBNET',
    title: 'Internal load balancer address outside its subnet',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} has internal load balancer {load-balancer-name} with static IP address {ip-address}, which is outside subnet {subnet-name} ({address-prefix}).',
    azureText: false,
    recommendation: 'Give the internal load balancer a free address inside its subnet, then retry Prepare.',
    sources: ['D1'],
  },
  ({ inventory, contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) =>
      internalLoadBalancerPlacements(inventory, deployment).flatMap(({ loadBalancer, subnet }) => {
        const address = loadBalancer.staticVirtualNetworkIPAddress;
        if (subnet === undefined || address === undefined || cidrContains(subnet.addressPrefix, address))
          return [];
        return [
          report(deploymentSubject(deployment), {
            'deployment-name': deployment.name,
            'hosted-service-name': cloudService.name,
            'load-balancer-name': loadBalancer.name,
            'ip-address': address,
            'subnet-name': subnet.name,
            'address-prefix': subnet.addressPrefix,
          }),
        ];
      }),
    ),
);
