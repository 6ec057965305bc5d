/** Cases for the VM-level rules: state, network configuration, diagnostics, alerts, disks (H5, D2, D3, D5). */
import { aDataDisk, aRoleInstance, aStorageAccount } from '../../../../fixtures/classic-builders';
import { aVm, aVnetVm, cloudServiceEstate, cloudServiceInput, onVm, vnetEstate, vnetInput } from './estate';
import type { RuleCaseTable } from './rule-case';

const withStatus = (...statuses: string[]) =>
  cloudServiceEstate({
    roles: statuses.map((_, i) => aVm(`vm${i + 1}`)),
    roleInstances: statuses.map((instanceStatus, i) =>
      aRoleInstance({ roleName: `vm${i + 1}`, instanceStatus }),
    ),
  });

const stateMessage = (state: string) =>
  `Migration is not allowed for HostedService svc1 because it has VM vm1 in State: ${state}. Migration is allowed only when the VM is in one of the following states - Running, Stopped, Stopped Deallocated.`;

const premiumDiagEstate = (enabled: boolean, accountType: 'Premium_LRS' | 'Standard_LRS') =>
  cloudServiceEstate(
    {
      roles: [
        aVm('vm1', {
          debugSettings: {
            bootDiagnosticsEnabled: enabled,
            consoleScreenshotBlobUri: 'https://diagstore.blob.core.windows.net/bootdiagnostics/vm1.bmp',
          },
        }),
      ],
    },
    { storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'diagstore', accountType })] },
  );

const gib128 = 128 * 1024 ** 3;

export const vmCases = {
  VM_STATE_NOT_MIGRATABLE: {
    positive: [
      {
        when: 'a VM reports RoleStateUnknown',
        input: () => cloudServiceInput(withStatus('RoleStateUnknown')),
        expected: [onVm('vm1', stateMessage('RoleStateUnknown'))],
      },
      {
        when: 'a VM has no role instance',
        input: () => cloudServiceInput(cloudServiceEstate({ roles: [aVm('vm1')], roleInstances: [] })),
        expected: [onVm('vm1', stateMessage('RoleStateUnknown'))],
      },
      {
        when: 'a VM is stopping',
        input: () => cloudServiceInput(withStatus('StoppingVM')),
        expected: [onVm('vm1', stateMessage('StoppingVM'))],
      },
    ],
    negative: [
      {
        when: 'the VMs are Running, Stopped and Stopped Deallocated',
        input: () => cloudServiceInput(withStatus('ReadyRole', 'StoppedVM', 'StoppedDeallocated')),
      },
      {
        when: 'the VM provisioning timed out (its own rule)',
        input: () => cloudServiceInput(withStatus('ProvisioningTimeout')),
      },
    ],
  },
  VM_PROVISIONING_TIMEOUT: {
    positive: [
      {
        when: 'a VM provisioning timed out',
        input: () => cloudServiceInput(withStatus('ProvisioningTimeout')),
        expected: [onVm('vm1', stateMessage('ProvisioningTimeout'))],
      },
    ],
    negative: [
      {
        when: 'a VM reports RoleStateUnknown',
        input: () => cloudServiceInput(withStatus('RoleStateUnknown')),
      },
    ],
  },
  VM_MULTIPLE_SUBNETS: {
    positive: [
      {
        when: 'a secondary NIC sits in another subnet than the VM',
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', {
                  network: {
                    subnetNames: ['Subnet-1'],
                    networkInterfaces: [{ name: 'nic2', ipConfigurations: [{ subnetName: 'Subnet-2' }] }],
                  },
                }),
              ],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because it references multiple subnets: Subnet-1, Subnet-2.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the secondary NIC names the same subnet in another letter case',
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', {
                  network: {
                    subnetNames: ['Subnet-1'],
                    networkInterfaces: [{ name: 'nic2', ipConfigurations: [{ subnetName: 'subnet-1' }] }],
                  },
                }),
              ],
            }),
          ),
      },
    ],
  },
  VM_WITHOUT_SUBNET: {
    positive: [
      {
        when: 'a VM in a VNet names no subnet',
        input: () => vnetInput(vnetEstate({ roles: [aVm('vm1')] })),
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because it is in Virtual Network vnet1 without an explicit subnet.',
          ),
        ],
      },
    ],
    negative: [
      { when: 'a VM outside any VNet names no subnet', input: () => cloudServiceInput(cloudServiceEstate()) },
    ],
  },
  VM_SUBNET_NOT_FOUND: {
    positive: [
      {
        when: 'a VM names a subnet its VNet does not have',
        input: () =>
          vnetInput(vnetEstate({ roles: [aVnetVm('vm1', { network: { subnetNames: ['Gone'] } })] })),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 references subnet Gone, which does not exist in Virtual Network vnet1.',
          ),
        ],
      },
      {
        when: "a VM's secondary NIC names a missing subnet",
        input: () =>
          vnetInput(
            vnetEstate({
              roles: [
                aVnetVm('vm1', {
                  network: {
                    networkInterfaces: [
                      { name: 'nic2', ipConfigurations: [{ subnetName: 'Backend' }], ipForwarding: false },
                    ],
                  },
                }),
              ],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 references subnet Backend, which does not exist in Virtual Network vnet1.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the VM names subnets of its VNet, in another case',
        input: () =>
          vnetInput(vnetEstate({ roles: [aVnetVm('vm1', { network: { subnetNames: ['subnet-2'] } })] })),
      },
    ],
  },
  VM_ENDPOINT_ACL: {
    positive: [
      {
        when: 'an endpoint has an access control list',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [
                aVm('vm1', {
                  network: {
                    inputEndpoints: [
                      {
                        name: 'rdp',
                        protocol: 'tcp',
                        port: 3389,
                        localPort: 3389,
                        acl: [{ order: 1, action: 'permit', remoteSubnet: '203.0.113.0/24' }],
                      },
                    ],
                  },
                }),
              ],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because its Endpoint rdp has an access control list.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the endpoint has no access control list',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [
                aVm('vm1', {
                  network: {
                    inputEndpoints: [{ name: 'rdp', protocol: 'tcp', port: 3389, localPort: 3389 }],
                  },
                }),
              ],
            }),
          ),
      },
    ],
  },
  VM_BOOT_DIAGNOSTICS_PREMIUM_STORAGE: {
    positive: [
      {
        when: 'boot diagnostics write to a Premium storage account',
        input: () => cloudServiceInput(premiumDiagEstate(true, 'Premium_LRS')),
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because it has boot diagnostics enabled on Premium storage account diagstore.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'boot diagnostics write to a Standard account',
        input: () => cloudServiceInput(premiumDiagEstate(true, 'Standard_LRS')),
      },
      {
        when: 'boot diagnostics are disabled',
        input: () => cloudServiceInput(premiumDiagEstate(false, 'Premium_LRS')),
      },
      {
        when: 'the profile is the 2016 preview, which refuses any boot diagnostics instead (VM_BOOT_DIAGNOSTICS_NOT_SUPPORTED)',
        input: () => cloudServiceInput(premiumDiagEstate(true, 'Premium_LRS')),
        profile: 'preview-2016',
      },
    ],
  },
  VM_BOOT_DIAGNOSTICS_NOT_SUPPORTED: {
    positive: [
      {
        when: 'the 2016 preview validates a VM whose boot diagnostics write to a Standard account',
        input: () => cloudServiceInput(premiumDiagEstate(true, 'Standard_LRS')),
        profile: 'preview-2016',
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because it has boot diagnostics enabled.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the 2016 preview validates a VM whose boot diagnostics are disabled',
        input: () => cloudServiceInput(premiumDiagEstate(false, 'Standard_LRS')),
        profile: 'preview-2016',
      },
      {
        when: 'the final platform validates boot diagnostics on a Standard account',
        input: () => cloudServiceInput(premiumDiagEstate(true, 'Standard_LRS')),
      },
    ],
  },
  VM_ALERT_RULES_DROPPED: {
    positive: [
      {
        when: 'a VM has an alert rule',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({ roles: [aVm('vm1', { alertRules: [{ name: 'cpu-high' }] })] }),
          ),
        expected: [
          onVm('vm1', 'VM vm1 in HostedService svc1 has alert rule cpu-high, which will not be migrated.'),
        ],
      },
    ],
    negative: [{ when: 'the VM has no alert rule', input: () => cloudServiceInput(cloudServiceEstate()) }],
  },
  VM_DISK_BLOB_NAME_WITH_SLASH: {
    positive: [
      {
        when: "a data disk's blob sits in a virtual folder",
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [
                aVm('vm1', {
                  dataDisks: [
                    aDataDisk({
                      mediaLink: 'https://teststorage.blob.core.windows.net/vhds/folder/data-0.vhd',
                    }),
                  ],
                }),
              ],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Disk with MediaLink https://teststorage.blob.core.windows.net/vhds/folder/data-0.vhd which has blob name folder/data-0.vhd  that is not supported in Azure Resource Manager.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the data disk's blob sits at the container root",
        input: () =>
          cloudServiceInput(cloudServiceEstate({ roles: [aVm('vm1', { dataDisks: [aDataDisk()] })] })),
      },
    ],
  },
  VM_DATA_DISK_SIZE_MISMATCH: {
    positive: [
      {
        when: "a data disk's blob is 1 MiB larger than its logical size",
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aVm('vm1', { dataDisks: [aDataDisk({ blobSizeBytes: gib128 + 1024 * 1024 })] })],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'Deployment dep1 in HostedService svc1 contains a VM vm1 with Data Disk data-0 whose physical blob size 137440002048 bytes does not match the VM Data Disk logical size 137438953472 bytes. Migration will proceed without specifying a size for the data disk for the Azure Resource Manager VM.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the blob is the logical size plus the VHD's 512-byte footer",
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aVm('vm1', { dataDisks: [aDataDisk({ blobSizeBytes: gib128 + 512 })] })],
            }),
          ),
      },
      {
        when: 'the blob size is unknown',
        input: () =>
          cloudServiceInput(cloudServiceEstate({ roles: [aVm('vm1', { dataDisks: [aDataDisk()] })] })),
      },
    ],
  },
  VM_DATA_DISK_INACCESSIBLE: {
    positive: [
      {
        when: "a data disk's VHD cannot be read",
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              roles: [aVm('vm1', { dataDisks: [aDataDisk({ mediaLinkAccessible: false })] })],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'A storage exception occurred while validating data disk data-0 with media link https://teststorage.blob.core.windows.net/vhds/data-0.vhd for VM vm1 in Cloud Service svc1. Please ensure that the VHD media link is accessible for this virtual machine',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the data disk's VHD can be read",
        input: () =>
          cloudServiceInput(cloudServiceEstate({ roles: [aVm('vm1', { dataDisks: [aDataDisk()] })] })),
      },
    ],
  },
} satisfies RuleCaseTable;
