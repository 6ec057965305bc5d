/** Cases for the existing-VNet destination (H5 #4) and RBAC on Classic resources (D2). */
import type { ArmResource } from '../../../../../shared/domain/arm/arm-resource';
import type { Destination } from '../../../../../shared/domain/scope/destination';
import { aCloudService, aDeployment, testSubscriptionId } from '../../../../fixtures/classic-builders';
import { anArmResource, anArmVirtualNetwork, anExistingArm } from '../../../../fixtures/validation-builders';
import { aVm, cloudServiceEstate, cloudServiceInput, onDeployment } from './estate';
import type { RuleCaseTable } from './rule-case';

const destination = (virtualNetworkName = 'arm-vnet', subnetName = 'default'): Destination => ({
  type: 'Existing',
  resourceGroupName: 'arm-rg',
  virtualNetworkName,
  subnetName,
});
const into = (resources: ArmResource[], target: Destination = destination()) =>
  cloudServiceInput(cloudServiceEstate(), { destination: target, existingArm: anExistingArm(resources) });

const assignment = (scope: string) => ({
  principalId: 'p1',
  principalName: 'alice@contoso.com',
  roleDefinitionName: 'Virtual Machine Contributor',
  scope,
});
const classicServiceId = (name: string) =>
  `/subscriptions/${testSubscriptionId}/resourceGroups/Default-West-US/providers/Microsoft.ClassicCompute/domainNames/${name}`;
const withAssignments = (scopes: string[]) =>
  cloudServiceInput(
    cloudServiceEstate(
      {},
      {
        roleAssignments: scopes.map(assignment),
        cloudServices: [
          aCloudService({
            name: 'svc1',
            resourceGroup: 'classic-rg',
            deployments: [aDeployment({ name: 'dep1', roles: [aVm('vm1')] })],
          }),
        ],
      },
    ),
  );

export const destinationRbacCases = {
  DESTINATION_VIRTUAL_NETWORK_NOT_FOUND: {
    positive: [
      {
        when: 'the destination VNet exists only in another resource group',
        input: () => into([anArmVirtualNetwork('arm-vnet', ['default'], 'westus', 'other-rg')]),
        expected: [onDeployment('The virtual network arm-vnet does not exist.')],
      },
    ],
    negative: [
      {
        when: 'the destination VNet exists under another letter case',
        input: () => into([anArmVirtualNetwork('ARM-VNET')]),
      },
      {
        when: 'the destination is a new VNet',
        input: () =>
          cloudServiceInput(cloudServiceEstate(), {
            destination: { type: 'New' },
            existingArm: anExistingArm(),
          }),
      },
    ],
  },
  DESTINATION_SUBNET_NOT_FOUND: {
    positive: [
      {
        when: 'the destination VNet has no subnet of that name',
        input: () => into([anArmVirtualNetwork('arm-vnet', ['default'])], destination('arm-vnet', 'apps')),
        expected: [onDeployment('The subnet apps does not exist in the virtual network arm-vnet.')],
      },
    ],
    negative: [
      {
        when: 'the subnet exists as a child resource of the VNet',
        input: () =>
          into(
            [
              anArmVirtualNetwork('arm-vnet', ['default']),
              anArmResource({
                type: 'Microsoft.Network/virtualNetworks/subnets',
                name: 'arm-vnet/apps',
                resourceGroup: 'arm-rg',
              }),
            ],
            destination('arm-vnet', 'apps'),
          ),
      },
    ],
  },
  DESTINATION_VIRTUAL_NETWORK_OTHER_LOCATION: {
    positive: [
      {
        when: 'the destination VNet is in another region than the cloud service',
        input: () => into([anArmVirtualNetwork('arm-vnet', ['default'], 'eastus')]),
        expected: [
          onDeployment(
            'The virtual network arm-vnet is in location eastus, but HostedService svc1 is in location West US.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the destination VNet's region is the cloud service's, spelled the ARM way",
        input: () => into([anArmVirtualNetwork('arm-vnet', ['default'], 'westus')]),
      },
    ],
  },
  CLASSIC_ROLE_ASSIGNMENT: {
    positive: [
      {
        when: 'a role is assigned on the Classic cloud service',
        input: () => withAssignments([classicServiceId('svc1')]),
        expected: [
          onDeployment(
            `Role assignment Virtual Machine Contributor for alice@contoso.com on ${classicServiceId('svc1')} will not apply to the migrated resources because their resource URIs change.`,
          ),
        ],
      },
      {
        when: "a role is assigned on the Classic cloud service's resource group",
        input: () => withAssignments([`/subscriptions/${testSubscriptionId}/resourceGroups/Classic-RG`]),
        expected: [
          onDeployment(
            `Role assignment Virtual Machine Contributor for alice@contoso.com on /subscriptions/${testSubscriptionId}/resourceGroups/Classic-RG will not apply to the migrated resources because their resource URIs change.`,
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'roles are assigned on another cloud service and on the subscription',
        input: () => withAssignments([classicServiceId('svc10'), `/subscriptions/${testSubscriptionId}`]),
      },
    ],
  },
} satisfies RuleCaseTable;
