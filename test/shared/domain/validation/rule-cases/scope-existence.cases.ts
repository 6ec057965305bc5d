/** Cases for the scope-not-found rules: Azure's recorded texts (C2, C5) and ours for the other kinds. */
import {
  aCloudService,
  aNetworkSecurityGroup,
  anInventory,
  aReservedIp,
  aRouteTable,
  aVirtualNetwork,
} from '../../../../fixtures/classic-builders';
import { aValidationInput } from '../../../../fixtures/validation-builders';
import { cloudServiceEstate, cloudServiceInput } from './estate';
import type { RuleCaseTable } from './rule-case';

const portalVnetEstate = () =>
  anInventory({ virtualNetworks: [aVirtualNetwork({ name: 'Group rg vnet1' })] });

export const scopeExistenceCases = {
  DEPLOYMENT_NOT_FOUND: {
    positive: [
      {
        when: 'the cloud service does not exist',
        input: () => aValidationInput(anInventory(), 'cloudService', '123'),
        expected: [
          {
            resourceType: 'Deployment',
            resourceName: '123',
            message: "The deployment name '123' does not exist.",
          },
        ],
      },
      {
        when: 'the cloud service has no deployment',
        input: () =>
          aValidationInput(
            anInventory({ cloudServices: [aCloudService({ name: 'empty', deployments: [] })] }),
            'cloudService',
            'empty',
          ),
        expected: [
          {
            resourceType: 'Deployment',
            resourceName: 'empty',
            message: "The deployment name 'empty' does not exist.",
          },
        ],
      },
    ],
    negative: [
      { when: 'the cloud service has a deployment', input: () => cloudServiceInput(cloudServiceEstate()) },
    ],
  },
  STORAGE_ACCOUNT_NOT_FOUND: {
    positive: [
      {
        when: 'the storage account does not exist',
        input: () => aValidationInput(anInventory(), 'storageAccount', '123'),
        expected: [
          {
            resourceType: 'Storage',
            resourceName: '123',
            message: "The storage account '123' was not found.",
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the storage account exists under another letter case',
        input: () => aValidationInput(anInventory(), 'storageAccount', 'TestStorage'),
      },
    ],
  },
  VIRTUAL_NETWORK_NOT_FOUND: {
    positive: [
      {
        when: 'a portal-created VNet is named by its short name',
        input: () => aValidationInput(portalVnetEstate(), 'virtualNetwork', 'vnet1'),
        expected: [
          {
            resourceType: 'VirtualNetwork',
            resourceName: 'vnet1',
            message:
              "Virtual network 'vnet1' not found. Either it does not exist or it is an Azure Resource Manager resource, which cannot be used with Cloud Services.",
          },
        ],
      },
    ],
    negative: [
      {
        when: 'a portal-created VNet is named by its full name',
        input: () => aValidationInput(portalVnetEstate(), 'virtualNetwork', 'group RG Vnet1'),
      },
    ],
  },
  RESERVED_IP_NOT_FOUND: {
    positive: [
      {
        when: 'the reserved IP does not exist',
        input: () => aValidationInput(anInventory({ reservedIps: [aReservedIp()] }), 'reservedIp', 'rip9'),
        expected: [
          {
            resourceType: 'ReservedIP',
            resourceName: 'rip9',
            message: "The reserved IP 'rip9' was not found.",
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the reserved IP exists',
        input: () => aValidationInput(anInventory({ reservedIps: [aReservedIp()] }), 'reservedIp', 'rip1'),
      },
    ],
  },
  NETWORK_SECURITY_GROUP_NOT_FOUND: {
    positive: [
      {
        when: 'the network security group does not exist',
        input: () =>
          aValidationInput(
            anInventory({ networkSecurityGroups: [aNetworkSecurityGroup()] }),
            'networkSecurityGroup',
            'nsg9',
          ),
        expected: [
          {
            resourceType: 'NetworkSecurityGroup',
            resourceName: 'nsg9',
            message: "The network security group 'nsg9' was not found.",
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the network security group exists',
        input: () =>
          aValidationInput(
            anInventory({ networkSecurityGroups: [aNetworkSecurityGroup()] }),
            'networkSecurityGroup',
            'nsg1',
          ),
      },
    ],
  },
  ROUTE_TABLE_NOT_FOUND: {
    positive: [
      {
        when: 'the route table does not exist',
        input: () => aValidationInput(anInventory({ routeTables: [aRouteTable()] }), 'routeTable', 'rt9'),
        expected: [
          {
            resourceType: 'RouteTable',
            resourceName: 'rt9',
            message: "The route table 'rt9' was not found.",
          },
        ],
      },
    ],
    negative: [
      {
        when: 'the route table exists',
        input: () => aValidationInput(anInventory({ routeTables: [aRouteTable()] }), 'routeTable', 'rt1'),
      },
    ],
  },
} satisfies RuleCaseTable;
