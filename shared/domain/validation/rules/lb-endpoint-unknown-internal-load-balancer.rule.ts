/**
 * Load-balancer rule validity (D1): an endpoint on an internal load balancer the deployment does not
 * define has no frontend to become a rule on. Ours.
 */
import { findByName } from '../../classic/names';
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const lbEndpointUnknownInternalLoadBalancerRule = defineRule(
  {
    code: 'LB_ENDPOINT_UNKNOWN_INTERNAL_LOAD_BALANCER',
    title: 'Endpoint on an undefined internal load balancer',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'VM {vm-name} in HostedService {hosted-service-name} has Endpoint {endpoint-name} on internal load balancer {load-balancer-name}, which Deployment {deployment-name} does not define.',
    azureText: false,
    recommendation:
      'Remove the endpoint or define the internal load balancer on the deployment, then retry Prepare.',
    sources: ['D1'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.network.inputEndpoints
        .filter(
          (endpoint) =>
            endpoint.loadBalancerName !== undefined &&
            findByName(vm.deployment.internalLoadBalancers, endpoint.loadBalancerName) === undefined,
        )
        .map((endpoint) =>
          report(vmSubject(vm), {
            'vm-name': vm.role.name,
            'hosted-service-name': vm.cloudService.name,
            'endpoint-name': endpoint.name,
            'load-balancer-name': endpoint.loadBalancerName ?? '',
            'deployment-name': vm.deployment.name,
          }),
        ),
    ),
);
