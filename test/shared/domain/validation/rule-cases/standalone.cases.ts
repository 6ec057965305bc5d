/** Cases for storage accounts and unattached resources (D1, D2, D6, D10, H1). */
import {
  aClassicDisk,
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  anInventory,
  aReservedIp,
  aRouteTable,
  aStorageAccount,
  aVirtualNetwork,
  aVmImage,
} from '../../../../fixtures/classic-builders';
import { aValidationInput } from '../../../../fixtures/validation-builders';
import { aVm, cloudServiceEstate, vnetEstate } from './estate';
import type { RuleCaseTable } from './rule-case';

const storage = (message: string, vm?: string) => ({
  resourceType: 'Storage',
  resourceName: 'teststorage',
  ...(vm === undefined ? {} : { virtualMachineName: vm }),
  message,
});
const storageInput = (inventory: Parameters<typeof aValidationInput>[0]) =>
  aValidationInput(inventory, 'storageAccount', 'teststorage');
const ripInput = (inventory: Parameters<typeof aValidationInput>[0]) =>
  aValidationInput(inventory, 'reservedIp', 'rip1');
const nsgInput = (inventory: Parameters<typeof aValidationInput>[0]) =>
  aValidationInput(inventory, 'networkSecurityGroup', 'nsg1');

const nsgOnSubnetAndVm = () =>
  vnetEstate(
    { roles: [aVm('vm1', { network: { subnetNames: ['Subnet-1'], networkSecurityGroup: 'nsg1' } })] },
    { subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'NSG1' }] },
    { networkSecurityGroups: [aNetworkSecurityGroup()] },
  );

export const standaloneCases = {
  STORAGE_ACCOUNT_MIGRATION_NOT_SUPPORTED: {
    positive: [
      {
        when: 'the 2016 preview validates a storage account that holds only data',
        input: () => storageInput(anInventory()),
        profile: 'preview-2016',
        expected: [
          storage(
            'Migration is not supported for Storage account teststorage: storage accounts cannot be migrated yet.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the final platform validates the same storage account',
        input: () => storageInput(anInventory()),
      },
      {
        when: 'the 2016 preview validates a storage account that does not exist',
        input: () => aValidationInput(anInventory(), 'storageAccount', 'missing'),
        profile: 'preview-2016',
      },
    ],
  },
  STORAGE_ACCOUNT_USED_BY_CLASSIC_VMS: {
    positive: [
      {
        when: 'a Classic VM still has its OS disk in the account',
        input: () => storageInput(cloudServiceEstate()),
        expected: [
          storage(
            'Migration is not supported for Storage account teststorage because it holds disks of VM vm1 in HostedService svc1, which is not migrated yet.',
            'vm1',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the VM's disks live in another account",
        input: () =>
          storageInput(
            cloudServiceEstate(
              {
                roles: [
                  aVm('vm1', {
                    osDisk: {
                      diskName: 'vm1-os',
                      mediaLink: 'https://otherstorage.blob.core.windows.net/vhds/vm1-os.vhd',
                      os: 'Windows',
                      hostCaching: 'ReadWrite',
                    },
                  }),
                ],
              },
              { storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'otherstorage' })] },
            ),
          ),
      },
    ],
  },
  STORAGE_ACCOUNT_UNATTACHED_DISKS: {
    positive: [
      {
        when: 'the account holds an unattached Classic disk',
        input: () => storageInput(anInventory({ disks: [aClassicDisk({ name: 'orphan' })] })),
        expected: [
          storage(
            'Migration is not supported for Storage account teststorage because it holds Disk orphan, which is not attached to a VM.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the Classic disk in the account is attached',
        input: () =>
          storageInput(
            anInventory({
              disks: [
                aClassicDisk({
                  attachedTo: { hostedServiceName: 'svc1', deploymentName: 'dep1', roleName: 'vm1' },
                }),
              ],
            }),
          ),
      },
    ],
  },
  STORAGE_ACCOUNT_VM_IMAGES: {
    positive: [
      {
        when: 'the account holds the disk of a VM image',
        input: () => storageInput(anInventory({ vmImages: [aVmImage()] })),
        expected: [
          storage(
            'Migration is not supported for Storage account teststorage because it holds the disks of VM image image1.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the VM image lives in another account',
        input: () =>
          storageInput(
            anInventory({
              vmImages: [aVmImage({ mediaLinks: ['https://otherstorage.blob.core.windows.net/vhds/i.vhd'] })],
            }),
          ),
      },
    ],
  },
  RESERVED_IP_ASSOCIATED: {
    positive: [
      {
        when: 'the reserved IP records its cloud service',
        input: () =>
          ripInput(
            anInventory({ reservedIps: [aReservedIp({ serviceName: 'svc1', deploymentName: 'dep1' })] }),
          ),
        expected: [
          {
            resourceType: 'ReservedIP',
            resourceName: 'rip1',
            message:
              'Migration is not supported for Reserved IP rip1 on its own because it is associated with HostedService svc1.',
          },
        ],
      },
      {
        when: "a deployment's VIP names the reserved IP",
        input: () =>
          ripInput(
            anInventory({
              reservedIps: [aReservedIp()],
              cloudServices: [
                aCloudService({
                  name: 'svc2',
                  deployments: [
                    aDeployment({
                      name: 'dep2',
                      virtualIps: [
                        { name: 'vip', address: '40.9.9.9', isReserved: true, reservedIpName: 'RIP1' },
                      ],
                    }),
                  ],
                }),
              ],
            }),
          ),
        expected: [
          {
            resourceType: 'ReservedIP',
            resourceName: 'rip1',
            message:
              'Migration is not supported for Reserved IP rip1 on its own because it is associated with HostedService svc2.',
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the reserved IP is unattached',
        input: () => ripInput(anInventory({ reservedIps: [aReservedIp()] })),
      },
    ],
  },
  RESERVED_IP_UNATTACHED_NOT_SUPPORTED: {
    positive: [
      {
        when: 'an unattached reserved IP is migrated under the 2016 preview',
        input: () => ripInput(anInventory({ reservedIps: [aReservedIp()] })),
        profile: 'preview-2016',
        expected: [
          {
            resourceType: 'ReservedIP',
            resourceName: 'rip1',
            message:
              'Migration is not supported for Reserved IP rip1 because it is not associated with a HostedService.',
          },
        ],
      },
    ],
    negative: [
      {
        when: 'an unattached reserved IP is migrated on the final platform',
        input: () => ripInput(anInventory({ reservedIps: [aReservedIp()] })),
      },
    ],
  },
  NETWORK_SECURITY_GROUP_ASSOCIATED: {
    positive: [
      {
        when: 'the NSG is associated with a subnet and a VM',
        input: () => nsgInput(nsgOnSubnetAndVm()),
        expected: [
          {
            resourceType: 'NetworkSecurityGroup',
            resourceName: 'nsg1',
            message:
              'Migration is not supported for Network Security Group nsg1 on its own because it is associated with subnet vnet1/Subnet-1.',
          },
          {
            resourceType: 'NetworkSecurityGroup',
            resourceName: 'nsg1',
            message:
              'Migration is not supported for Network Security Group nsg1 on its own because it is associated with vm svc1/vm1.',
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the NSG is unattached',
        input: () => nsgInput(anInventory({ networkSecurityGroups: [aNetworkSecurityGroup()] })),
      },
    ],
  },
  NETWORK_SECURITY_GROUP_UNATTACHED_NOT_SUPPORTED: {
    positive: [
      {
        when: 'an unattached NSG is migrated under the 2016 preview',
        input: () => nsgInput(anInventory({ networkSecurityGroups: [aNetworkSecurityGroup()] })),
        profile: 'preview-2016',
        expected: [
          {
            resourceType: 'NetworkSecurityGroup',
            resourceName: 'nsg1',
            message:
              'Migration is not supported for Network Security Group nsg1 because it is not associated with a subnet.',
          },
        ],
      },
    ],
    negative: [
      {
        when: 'an unattached NSG is migrated on the final platform',
        input: () => nsgInput(anInventory({ networkSecurityGroups: [aNetworkSecurityGroup()] })),
      },
    ],
  },
  ROUTE_TABLE_ASSOCIATED: {
    positive: [
      {
        when: 'the route table is associated with a subnet',
        input: () =>
          aValidationInput(
            anInventory({
              routeTables: [aRouteTable()],
              virtualNetworks: [
                aVirtualNetwork({
                  name: 'vnet1',
                  subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.0/24', routeTable: 'rt1' }],
                }),
              ],
            }),
            'routeTable',
            'rt1',
          ),
        expected: [
          {
            resourceType: 'RouteTable',
            resourceName: 'rt1',
            message:
              'Migration is not supported for Route Table rt1 on its own because it is associated with subnet vnet1/Subnet-1.',
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the route table is unattached',
        input: () => aValidationInput(anInventory({ routeTables: [aRouteTable()] }), 'routeTable', 'rt1'),
      },
    ],
  },
} satisfies RuleCaseTable;
