/**
 * Cases for the Hybrid Use Benefit flag of the 2016 preview and for VNet and subnet names ARM does not
 * accept: refused in the 2016 preview when they hold spaces, renamed (a warning) on the final platform.
 */
import { anArmResource, aValidationInput } from '../../../../fixtures/validation-builders';
import {
  aVm,
  aVnetVm,
  cloudServiceEstate,
  cloudServiceInput,
  onVm,
  onVnet,
  vnetEstate,
  vnetInput,
} from './estate';
import type { RuleCaseTable } from './rule-case';

const licensed = () =>
  cloudServiceEstate({
    roles: [
      aVm('vm1', { licenseType: 'Windows_Server' }),
      aVm('vm2'),
      aVm('vm3', { licenseType: 'Windows_Client' }),
    ],
  });

/** VNet `vnetName` whose first subnet is `subnetName`, with `vm1` in it. */
const named = (vnetName: string, subnetName: string) =>
  vnetEstate(
    { virtualNetworkName: vnetName, roles: [aVnetVm('vm1', { network: { subnetNames: [subnetName] } })] },
    {
      name: vnetName,
      subnets: [
        { name: subnetName, addressPrefix: '10.0.0.0/24' },
        { name: 'Subnet-2', addressPrefix: '10.0.1.0/24' },
      ],
    },
  );
const namedInput = (vnetName: string, subnetName: string) => () =>
  aValidationInput(named(vnetName, subnetName), 'virtualNetwork', vnetName);

export const licenceAndNameCases = {
  VM_HYBRID_USE_BENEFIT: {
    positive: [
      {
        when: 'the 2016 preview validates VMs with LicenseType Windows_Server and Windows_Client',
        input: () => cloudServiceInput(licensed()),
        profile: 'preview-2016',
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 uses the Hybrid Use Benefit (LicenseType Windows_Server). Check the license type of the Azure Resource Manager VM after migration.',
          ),
          onVm(
            'vm3',
            'VM vm3 in HostedService svc1 uses the Hybrid Use Benefit (LicenseType Windows_Client). Check the license type of the Azure Resource Manager VM after migration.',
          ),
        ],
      },
      {
        when: 'the 2016 preview validates a VNet holding a VM with LicenseType',
        input: () => vnetInput(vnetEstate({ roles: [aVnetVm('vm1', { licenseType: 'Windows_Server' })] })),
        profile: 'preview-2016',
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 uses the Hybrid Use Benefit (LicenseType Windows_Server). Check the license type of the Azure Resource Manager VM after migration.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the final platform validates VMs with LicenseType (they keep it as the ARM licenseType)',
        input: () => cloudServiceInput(licensed()),
      },
      {
        when: 'the 2016 preview validates VMs without LicenseType',
        input: () => cloudServiceInput(cloudServiceEstate()),
        profile: 'preview-2016',
      },
    ],
  },
  VNET_NAME_WITH_SPACES: {
    positive: [
      {
        when: 'the 2016 preview validates a VNet with subnet `my subnet`',
        input: namedInput('vnet1', 'my subnet'),
        profile: 'preview-2016',
        expected: [
          onVnet(
            'Migration is not supported for Virtual Network vnet1 because the name of Subnet my subnet contains spaces.',
          ),
        ],
      },
      {
        when: 'the 2016 preview validates VNet `Group rg my vnet` (a portal name) with subnet `front end`',
        input: namedInput('Group rg my vnet', 'front end'),
        profile: 'preview-2016',
        // Findings come in the runner's order (finding-order.ts), here by message.
        expected: [
          onVnet(
            'Migration is not supported for Virtual Network Group rg my vnet because the name of Subnet front end contains spaces.',
            'Group rg my vnet',
          ),
          onVnet(
            'Migration is not supported for Virtual Network Group rg my vnet because the name of Virtual Network Group rg my vnet contains spaces.',
            'Group rg my vnet',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the 2016 preview validates names without spaces, even with characters ARM replaces',
        input: namedInput('vnet1', '"quoted"'),
        profile: 'preview-2016',
      },
      {
        when: 'the final platform validates subnet `my subnet` (it renames it instead)',
        input: namedInput('vnet1', 'my subnet'),
      },
    ],
  },
  VNET_NAME_CHANGED: {
    positive: [
      {
        when: 'the final platform validates subnet `my subnet`',
        input: namedInput('vnet1', 'my subnet'),
        expected: [
          onVnet(
            'The name of Subnet my subnet is not valid in Azure Resource Manager; it will be renamed to my-subnet.',
          ),
        ],
      },
      {
        when: 'the final platform validates VNet `Group rg my vnet` with subnet `"front end"`',
        input: namedInput('Group rg my vnet', '"front end"'),
        expected: [
          onVnet(
            'The name of Subnet "front end" is not valid in Azure Resource Manager; it will be renamed to front-end.',
            'Group rg my vnet',
          ),
          onVnet(
            'The name of Virtual Network Group rg my vnet is not valid in Azure Resource Manager; it will be renamed to Group-rg-my-vnet.',
            'Group rg my vnet',
          ),
        ],
      },
      {
        when: 'the planned VNet names the subnet by a naming override',
        input: () =>
          aValidationInput(named('vnet1', 'my subnet'), 'virtualNetwork', 'vnet1', {
            plannedResources: [
              anArmResource({
                type: 'Microsoft.Network/virtualNetworks',
                name: 'vnet1',
                resourceGroup: 'vnet1-Migrated',
                properties: { subnets: [{ name: 'frontend' }, { name: 'Subnet-2' }] },
              }),
            ],
          }),
        expected: [
          onVnet(
            'The name of Subnet my subnet is not valid in Azure Resource Manager; it will be renamed to frontend.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'every name is valid in ARM as it is',
        input: () => vnetInput(vnetEstate()),
      },
      {
        when: 'the 2016 preview validates subnet `my subnet` (it refuses it instead)',
        input: namedInput('vnet1', 'my subnet'),
        profile: 'preview-2016',
      },
    ],
  },
} satisfies RuleCaseTable;
