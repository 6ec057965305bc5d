/**
 * Load-balancer rule validity (D1, a check only Prepare ran): one load-balanced endpoint set becomes
 * one ARM load-balancing rule with one frontend port, backend port, protocol, probe and floating-IP
 * setting (inferred from D1's mapping), so the set's endpoints must agree on them. Ours.
 */
import type { InputEndpoint } from '../../classic/compute.schema';
import { virtualMachinesOf } from '../../classic/virtual-machines';
import { endpointUsesOf, groupBy } from '../support/endpoint-frontends';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

/** The properties compared, in message order. */
const properties: readonly [string, (endpoint: InputEndpoint) => string][] = [
  ['port', (e) => String(e.port)],
  ['protocol', (e) => e.protocol],
  ['local port', (e) => String(e.localPort)],
  ['probe', (e) => (e.probe ? `${e.probe.protocol}:${e.probe.port}:${e.probe.path ?? ''}` : '')],
  ['direct server return', (e) => String(e.enableDirectServerReturn)],
];

export const lbEndpointSetInconsistentRule = defineRule(
  {
    code: 'LB_ENDPOINT_SET_INCONSISTENT',
    title: 'Load-balanced endpoint set members disagree',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} has load-balanced endpoint set {endpoint-set-name} on {frontend} whose endpoints differ in {properties}.',
    azureText: false,
    recommendation:
      'Give every endpoint of the set the same port, protocol, local port, probe and direct server return setting (Set-AzureLoadBalancedEndpoint), then retry Prepare.',
    sources: ['D1'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) => {
      const inSets = endpointUsesOf(virtualMachinesOf(cloudService, deployment)).filter(
        (use) => use.endpoint.loadBalancedEndpointSetName !== undefined,
      );
      const sets = groupBy(
        inSets,
        (use) => `${use.frontend.key}|${(use.endpoint.loadBalancedEndpointSetName ?? '').toLowerCase()}`,
      );
      return [...sets.values()].flatMap((members) => {
        const first = members[0];
        const differing = properties
          .filter(([, valueOf]) => new Set(members.map((use) => valueOf(use.endpoint))).size > 1)
          .map(([name]) => name);
        return first === undefined || differing.length === 0
          ? []
          : [
              report(deploymentSubject(deployment), {
                'deployment-name': deployment.name,
                'hosted-service-name': cloudService.name,
                'endpoint-set-name': first.endpoint.loadBalancedEndpointSetName ?? '',
                frontend: first.frontend.label,
                properties: differing.join(', '),
              }),
            ];
      });
    }),
);
