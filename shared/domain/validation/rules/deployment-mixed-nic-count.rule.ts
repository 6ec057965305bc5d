/**
 * A cloud service holds either only single-NIC VMs or only multi-NIC VMs (H6, Oct 2016). Azure's text is
 * not published; ours, in the voice of H5 #10.
 */
import { virtualMachinesOf } from '../../classic/virtual-machines';
import { deploymentsOf, deploymentSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const deploymentMixedNicCountRule = defineRule(
  {
    code: 'DEPLOYMENT_MIXED_SINGLE_AND_MULTI_NIC',
    title: 'Single-NIC and multi-NIC VMs mixed',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Deployment {deployment-name} in HostedService {hosted-service-name} because it has both VMs with a single network interface and VMs with multiple network interfaces.',
    azureText: false,
    recommendation:
      'Give every VM of the cloud service the same kind of network configuration (all single-NIC or all multi-NIC), then retry.',
    sources: ['H6'],
  },
  ({ contents }, report) =>
    deploymentsOf(contents).flatMap(({ cloudService, deployment }) => {
      const vms = virtualMachinesOf(cloudService, deployment);
      const multi = vms.filter(({ role }) => role.network.networkInterfaces.length > 0).length;
      return multi > 0 && multi < vms.length
        ? [
            report(deploymentSubject(deployment), {
              'deployment-name': deployment.name,
              'hosted-service-name': cloudService.name,
            }),
          ]
        : [];
    }),
);
