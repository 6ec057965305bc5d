/**
 * Load-balancer rule validity (D1, a check only Prepare ran): on one frontend (VIP or internal load
 * balancer) a port and protocol can serve one ARM rule only — one load-balancing rule (endpoint set) or
 * one inbound NAT rule (stand-alone endpoint). Ours.
 */
import { virtualMachinesOf } from '../../classic/virtual-machines';
import { endpointUsesOf, groupBy } from '../support/endpoint-frontends';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const lbFrontendPortConflictRule = defineRule(
  {
    code: 'LB_FRONTEND_PORT_CONFLICT',
    title: 'Frontend port used by more than one rule',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Deployment {deployment-name} in HostedService {hosted-service-name} uses port {port}/{protocol} of {frontend} for more than one rule: {rules}.',
    azureText: false,
    recommendation:
      'Give each endpoint (or endpoint set) its own public port on that VIP or internal load balancer, then retry Prepare.',
    sources: ['D1'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) => {
      const uses = endpointUsesOf(virtualMachinesOf(cloudService, deployment));
      const byPort = groupBy(
        uses,
        (use) => `${use.frontend.key}|${use.endpoint.protocol}|${use.endpoint.port}`,
      );
      return [...byPort.values()].flatMap((group) => {
        const first = group[0];
        const rules = [...new Map(group.map((use) => [use.rule.toLowerCase(), use.rule])).values()];
        return first === undefined || rules.length < 2
          ? []
          : [
              report(deploymentSubject(deployment), {
                'deployment-name': deployment.name,
                'hosted-service-name': cloudService.name,
                port: first.endpoint.port,
                protocol: first.endpoint.protocol,
                frontend: first.frontend.label,
                rules: rules.join(', '),
              }),
            ];
      });
    }),
);
