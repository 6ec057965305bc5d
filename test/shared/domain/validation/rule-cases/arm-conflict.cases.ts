/** Cases for the conflicts with the current ARM inventory (ours; pre-flight). */
import type { ArmResource } from '../../../../../shared/domain/arm/arm-resource';
import { armResourceId } from '../../../../../shared/domain/arm/arm-resource';
import { testSubscriptionId } from '../../../../fixtures/classic-builders';
import { anArmResource, anExistingArm } from '../../../../fixtures/validation-builders';
import { cloudServiceEstate, cloudServiceInput, onDeployment } from './estate';
import type { RuleCaseTable } from './rule-case';

const subnetId = armResourceId(
  testSubscriptionId,
  'arm-rg',
  'Microsoft.Network/virtualNetworks/subnets',
  'arm-vnet',
  'default',
);
const nic = (name: string, resourceGroup: string, address: string, subnet = subnetId) =>
  anArmResource({
    type: 'Microsoft.Network/networkInterfaces',
    name,
    resourceGroup,
    properties: {
      ipConfigurations: [
        {
          name: 'ipconfig1',
          properties: {
            privateIPAllocationMethod: 'Static',
            privateIPAddress: address,
            subnet: { id: subnet },
          },
        },
      ],
    },
  });
const loadBalancer = (resourceGroup: string) =>
  anArmResource({ type: 'Microsoft.Network/loadBalancers', name: 'svc1-lb', resourceGroup });
const against = (planned: ArmResource[], existing: ArmResource[] | undefined) =>
  cloudServiceInput(cloudServiceEstate(), {
    plannedResources: planned,
    ...(existing === undefined ? {} : { existingArm: anExistingArm(existing) }),
  });

export const armConflictCases = {
  ARM_RESOURCE_ALREADY_EXISTS: {
    positive: [
      {
        when: 'a planned load balancer already exists (its resource group spelled in other letters)',
        input: () => against([loadBalancer('svc1-Migrated')], [loadBalancer('SVC1-MIGRATED')]),
        expected: [
          onDeployment(
            'Migration would create Microsoft.Network/loadBalancers svc1-lb in resource group svc1-Migrated, which already exists in Azure Resource Manager.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'a load balancer of that name exists in another resource group',
        input: () => against([loadBalancer('svc1-Migrated')], [loadBalancer('other-rg')]),
      },
      {
        when: 'the ARM inventory is not known',
        input: () => against([loadBalancer('svc1-Migrated')], undefined),
      },
    ],
  },
  ARM_PRIVATE_IP_CONFLICT: {
    positive: [
      {
        when: 'a planned NIC keeps an address an existing NIC holds in the same subnet',
        input: () =>
          against(
            [nic('vm1-nic', 'svc1-Migrated', '10.1.0.4', subnetId.toUpperCase())],
            [nic('arm-nic', 'arm-rg', '10.1.0.4')],
          ),
        expected: [
          onDeployment(
            `Migration would give network interface vm1-nic private IP address 10.1.0.4 in subnet ${subnetId.toUpperCase()}, which network interface arm-nic already uses.`,
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the addresses differ',
        input: () =>
          against([nic('vm1-nic', 'svc1-Migrated', '10.1.0.5')], [nic('arm-nic', 'arm-rg', '10.1.0.4')]),
      },
      {
        when: 'the same address is held in another subnet',
        input: () =>
          against(
            [nic('vm1-nic', 'svc1-Migrated', '10.1.0.4')],
            [nic('arm-nic', 'arm-rg', '10.1.0.4', subnetId.replace('/default', '/other'))],
          ),
      },
    ],
  },
} satisfies RuleCaseTable;
