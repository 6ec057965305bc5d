/** Cases for the ARM regional quota checks (D1, D4, D5): counts come from the planned resources. */
import type { ArmResource } from '../../../../../shared/domain/arm/arm-resource';
import type { QuotaResource } from '../../../../../shared/domain/classic/inventory.schema';
import { aReservedIp, testSubscriptionId } from '../../../../fixtures/classic-builders';
import {
  anArmResource,
  aPlannedPublicIp,
  aPlannedVm,
  aValidationInput,
} from '../../../../fixtures/validation-builders';
import { cloudServiceEstate, cloudServiceInput, onDeployment } from './estate';
import type { RuleCases, RuleCaseTable } from './rule-case';

const quota = (resource: QuotaResource, limit: number, currentUsage = 0, location = 'West US') => ({
  location,
  resource,
  limit,
  currentUsage,
});
const planned = (quotas: ReturnType<typeof quota>[], resources: ArmResource[]) =>
  cloudServiceInput(
    cloudServiceEstate(
      {},
      { subscription: { id: testSubscriptionId, registeredForMigration: true, quotas } },
    ),
    { plannedResources: resources },
  );
const message = (name: string, available: number, limit: number, usage: number, required: number) =>
  `The Azure Resource Manager quota for ${name} in location West US leaves ${available} (limit ${limit}, ${usage} in use), but migration requires ${required}.`;

/** Two planned resources of `type`; a quota of 1 fails, a quota of 2 passes, a quota elsewhere is not checked. */
function countedQuota(resource: QuotaResource, name: string, type: string): RuleCases {
  const two = () => [anArmResource({ type, name: 'a' }), anArmResource({ type, name: 'b' })];
  return {
    positive: [
      {
        when: `two ${name} are planned and the quota leaves one`,
        input: () => planned([quota(resource, 1)], two()),
        expected: [onDeployment(message(name, 1, 1, 0, 2))],
      },
    ],
    negative: [
      {
        when: `two ${name} are planned and the quota leaves two`,
        input: () => planned([quota(resource, 3, 1)], two()),
      },
      {
        when: `the only ${name} quota is for another region`,
        input: () => planned([quota(resource, 0, 0, 'East US')], two()),
      },
    ],
  };
}

export const quotaCases = {
  QUOTA_CORES: {
    positive: [
      {
        when: 'an A2 and an A3 (6 cores) are planned and the quota leaves 2',
        input: () =>
          planned(
            [quota('cores', 10, 8)],
            [aPlannedVm('vm1', 'Standard_A2'), aPlannedVm('vm2', 'Standard_A3')],
          ),
        expected: [onDeployment(message('cores', 2, 10, 8, 6))],
      },
    ],
    negative: [
      {
        when: 'the quota leaves exactly the 6 cores needed',
        input: () =>
          planned(
            [quota('cores', 14, 8)],
            [aPlannedVm('vm1', 'Standard_A2'), aPlannedVm('vm2', 'Standard_A3')],
          ),
      },
      {
        when: 'the subscription has no cores quota row',
        input: () => planned([], [aPlannedVm('vm1', 'Standard_A11')]),
      },
      {
        when: 'no planned resources are given',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate(
              {},
              {
                subscription: {
                  id: testSubscriptionId,
                  registeredForMigration: true,
                  quotas: [quota('cores', 0)],
                },
              },
            ),
          ),
      },
    ],
  },
  QUOTA_NETWORK_INTERFACES: countedQuota(
    'networkInterfaces',
    'network interfaces',
    'Microsoft.Network/networkInterfaces',
  ),
  QUOTA_LOAD_BALANCERS: countedQuota('loadBalancers', 'load balancers', 'Microsoft.Network/loadBalancers'),
  QUOTA_NETWORK_SECURITY_GROUPS: countedQuota(
    'networkSecurityGroups',
    'network security groups',
    'Microsoft.Network/networkSecurityGroups',
  ),
  QUOTA_ROUTE_TABLES: countedQuota('routeTables', 'route tables', 'Microsoft.Network/routeTables'),
  QUOTA_VIRTUAL_NETWORKS: countedQuota(
    'virtualNetworks',
    'virtual networks',
    'Microsoft.Network/virtualNetworks',
  ),
  QUOTA_PUBLIC_IP_ADDRESSES: {
    positive: [
      {
        when: 'a static and a dynamic public IP are planned and the quota leaves one',
        input: () =>
          planned(
            [quota('publicIpAddresses', 5, 4)],
            [aPlannedPublicIp('vip', 'Static'), aPlannedPublicIp('pip', 'Dynamic')],
          ),
        expected: [onDeployment(message('public IP addresses', 1, 5, 4, 2))],
      },
    ],
    negative: [
      {
        when: 'the quota leaves two',
        input: () =>
          planned(
            [quota('publicIpAddresses', 2)],
            [aPlannedPublicIp('vip', 'Static'), aPlannedPublicIp('pip', 'Dynamic')],
          ),
      },
    ],
  },
  QUOTA_STATIC_PUBLIC_IP_ADDRESSES: {
    positive: [
      {
        when: 'an unattached reserved IP (a static public IP) is migrated and the quota is used up',
        input: () =>
          aValidationInput(
            cloudServiceEstate(
              {},
              {
                reservedIps: [aReservedIp()],
                subscription: {
                  id: testSubscriptionId,
                  registeredForMigration: true,
                  quotas: [quota('staticPublicIpAddresses', 20, 20)],
                },
              },
            ),
            'reservedIp',
            'rip1',
            { plannedResources: [aPlannedPublicIp('rip1', 'Static')] },
          ),
        expected: [
          {
            resourceType: 'ReservedIP',
            resourceName: 'rip1',
            message: message('static public IP addresses', 0, 20, 20, 1),
          },
        ],
      },
    ],
    negative: [
      {
        when: 'only dynamic public IPs are planned',
        input: () => planned([quota('staticPublicIpAddresses', 0)], [aPlannedPublicIp('pip', 'Dynamic')]),
      },
    ],
  },
} satisfies RuleCaseTable;
