/** Cases for the deployment-level rules (H5 #2, #10, #11, #17, #18; H6; D2). */
import { aPaasRole } from '../../../../fixtures/classic-builders';
import {
  anotherServiceInVnet,
  aVm,
  aVnetVm,
  cloudServiceEstate,
  cloudServiceInput,
  onDeployment,
  onVnet,
  vnetEstate,
  vnetInput,
} from './estate';
import type { RuleCaseTable } from './rule-case';

const secondNic = { name: 'nic2', ipConfigurations: [{ subnetName: 'Subnet-1' }] };

export const deploymentCases = {
  DEPLOYMENT_PAAS: {
    positive: [
      {
        when: 'the cloud service runs web and worker roles',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aPaasRole({ name: 'web1' }), aPaasRole({ name: 'worker1', roleType: 'WorkerRole' })],
            }),
          ),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1  in HostedService svc1 because it is a PaaS deployment (Web/Worker).',
          ),
        ],
      },
    ],
    negative: [
      { when: 'the cloud service runs VMs only', input: () => cloudServiceInput(cloudServiceEstate()) },
    ],
  },
  VNET_PAAS_DEPLOYMENTS: {
    positive: [
      {
        when: 'a web role deployment shares the VNet with VMs',
        input: () => {
          const estate = vnetEstate();
          estate.cloudServices.push(anotherServiceInVnet('paas1', [aPaasRole()]));
          return vnetInput(estate);
        },
        expected: [
          onVnet(
            'Migration is not supported for Virtual Network vnet1 because it has non-gateway PaaS deployments.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the web role deployment is in another VNet',
        input: () => {
          const estate = vnetEstate();
          estate.cloudServices.push(
            anotherServiceInVnet('paas1', [aPaasRole()], { virtualNetworkName: 'vnet2' }),
          );
          return vnetInput(estate);
        },
      },
    ],
  },
  DEPLOYMENT_IN_VIRTUAL_NETWORK: {
    positive: [
      {
        when: 'a cloud service in a VNet is migrated on its own',
        input: () => cloudServiceInput(vnetEstate()),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1 in HostedService svc1 on its own because it is in Virtual Network vnet1.',
          ),
        ],
      },
    ],
    negative: [
      { when: 'the cloud service is not in a VNet', input: () => cloudServiceInput(cloudServiceEstate()) },
      { when: 'the cloud service migrates with its VNet', input: () => vnetInput(vnetEstate()) },
    ],
  },
  DEPLOYMENT_MULTIPLE_AVAILABILITY_SETS: {
    positive: [
      {
        when: 'two VMs of a cloud service are in different availability sets',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aVm('vm1', { availabilitySetName: 'as1' }), aVm('vm2', { availabilitySetName: 'as2' })],
            }),
          ),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1 in HostedService svc1 because it has multiple Availability Sets.',
          ),
        ],
      },
      {
        when: 'a cloud service in the VNet has two availability sets',
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', { availabilitySetName: 'as1' }),
                aVnetVm('vm2', { availabilitySetName: 'as2' }),
              ],
            }),
          ),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1 in HostedService svc1 because it has multiple Availability Sets.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the VMs name one availability set in different letter cases',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aVm('vm1', { availabilitySetName: 'as1' }), aVm('vm2', { availabilitySetName: 'AS1' })],
            }),
          ),
      },
    ],
  },
  DEPLOYMENT_MIXED_AVAILABILITY_SET: {
    positive: [
      {
        when: 'one VM is in an availability set and another is not',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({ roles: [aVm('vm1', { availabilitySetName: 'as1' }), aVm('vm2')] }),
          ),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1 in HostedService svc1 because it has VMs that are not part of the Availability Set even though the HostedService contains one.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'no VM of the cloud service is in an availability set',
        input: () => cloudServiceInput(cloudServiceEstate({ roles: [aVm('vm1'), aVm('vm2')] })),
      },
    ],
  },
  DEPLOYMENT_MIXED_SINGLE_AND_MULTI_NIC: {
    positive: [
      {
        when: 'a multi-NIC VM and a single-NIC VM share a cloud service',
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', { network: { subnetNames: ['Subnet-1'], networkInterfaces: [secondNic] } }),
                aVnetVm('vm2'),
              ],
            }),
          ),
        expected: [
          onDeployment(
            'Migration is not supported for Deployment dep1 in HostedService svc1 because it has both VMs with a single network interface and VMs with multiple network interfaces.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'every VM of the cloud service has a secondary NIC',
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', { network: { subnetNames: ['Subnet-1'], networkInterfaces: [secondNic] } }),
                aVnetVm('vm2', { network: { subnetNames: ['Subnet-1'], networkInterfaces: [secondNic] } }),
              ],
            }),
          ),
      },
    ],
  },
  DEPLOYMENT_NOT_IN_REGIONAL_SCOPE: {
    positive: [
      {
        when: 'the deployment is not in the regional scope',
        input: () => cloudServiceInput(cloudServiceEstate({ regionalScope: false })),
        expected: [
          onDeployment(
            'Migration is not allowed for Deployment dep1 in HostedService svc1 as it is not in the regional scope. Please refer to https://aka.ms/regionalscope for moving this deployment to regional scope.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the deployment is in the regional scope',
        input: () => cloudServiceInput(cloudServiceEstate()),
      },
    ],
  },
  DEPLOYMENT_AUTOSCALE_DROPPED: {
    positive: [
      {
        when: 'the deployment has an autoscale setting',
        input: () => cloudServiceInput(cloudServiceEstate({ autoscaleSettings: [{ name: 'scale-web' }] })),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 has Autoscale setting scale-web, which will not be migrated.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the deployment has no autoscale setting',
        input: () => cloudServiceInput(cloudServiceEstate()),
      },
    ],
  },
} satisfies RuleCaseTable;
