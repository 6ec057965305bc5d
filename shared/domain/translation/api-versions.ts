/**
 * API versions of the generated resources: the migration era's (2016), each one a version whose official
 * JSON schema is in test/fixtures/arm-schemas (C8). Azure never published the versions its backend used.
 * Pure.
 *
 * Our choices:
 * - Compute 2016-03-30: the last version with unmanaged disks only (`osDisk.vhd.uri`).
 * - Network 2016-09-01 (newer of the two fixture versions, with UltraPerformance gateways and stricter
 *   required fields), except connections at 2016-03-30: the 2016-09-01 schema requires full gateway
 *   objects in `virtualNetworkGateway1/2` and `localNetworkGateway2` where ARM returns and accepts
 *   `{ id }` (Azure/azure-resource-manager-schemas#2831).
 * - Storage 2016-01-01, Key Vault 2015-06-01 (C8).
 */
export const apiVersions = {
  'Microsoft.Compute/virtualMachines': '2016-03-30',
  'Microsoft.Compute/virtualMachines/extensions': '2016-03-30',
  'Microsoft.Compute/availabilitySets': '2016-03-30',
  'Microsoft.Network/networkInterfaces': '2016-09-01',
  'Microsoft.Network/publicIPAddresses': '2016-09-01',
  'Microsoft.Network/loadBalancers': '2016-09-01',
  'Microsoft.Network/virtualNetworks': '2016-09-01',
  'Microsoft.Network/networkSecurityGroups': '2016-09-01',
  'Microsoft.Network/routeTables': '2016-09-01',
  'Microsoft.Network/virtualNetworkGateways': '2016-09-01',
  'Microsoft.Network/localNetworkGateways': '2016-09-01',
  'Microsoft.Network/connections': '2016-03-30',
  'Microsoft.Storage/storageAccounts': '2016-01-01',
  'Microsoft.KeyVault/vaults': '2015-06-01',
} as const;
export type GeneratedArmType = keyof typeof apiVersions;
