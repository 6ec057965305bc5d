/**
 * The Classic resources whose ARM counterpart gets another name than theirs, for the plan: a name ARM
 * does not accept (Classic allowed spaces and quotes in VNet and subnet names, and the portal named VNets
 * `Group <rg> <vnet>`; ARM names allow letters, digits, `_ . -` only:
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork)
 * is changed by the default naming, and a naming template or override may choose another one. Pure.
 */
import type { NamedArmType } from '../naming/arm-name-rules';
import { defaultNameFromClassicName } from '../naming/name-sanitizer';
import type { ClassicItemType, TranslationResult } from '../translation/translation-result';

export interface RenamedObject {
  classicId: string;
  classicType: ClassicItemType;
  classicName: string;
  armId: string;
  armName: string;
  /**
   * `characters`: ARM does not allow characters of the Classic name, and the default naming replaced them
   * (`my subnet` → `my-subnet`); `namingPolicy`: a naming template or override chose the name.
   */
  cause: 'characters' | 'namingPolicy';
}

/**
 * Classic types whose ARM counterpart is one resource (or subnet) named after the Classic name by default;
 * generated resources (NICs, load balancers, rules…) have no Classic name to keep.
 */
const keptNameTypes: Partial<Record<ClassicItemType, NamedArmType>> = {
  VirtualNetwork: 'Microsoft.Network/virtualNetworks',
  Subnet: 'Microsoft.Network/virtualNetworks/subnets',
  VirtualMachine: 'Microsoft.Compute/virtualMachines',
  AvailabilitySet: 'Microsoft.Compute/availabilitySets',
  NetworkSecurityGroup: 'Microsoft.Network/networkSecurityGroups',
  RouteTable: 'Microsoft.Network/routeTables',
  StorageAccount: 'Microsoft.Storage/storageAccounts',
  ReservedIp: 'Microsoft.Network/publicIPAddresses',
  LocalNetworkSite: 'Microsoft.Network/localNetworkGateways',
};

/** Every migrating Classic resource of those types whose ARM name is not its Classic name, in accounting order. */
export function renamedObjects(translation: Pick<TranslationResult, 'accounting'>): RenamedObject[] {
  const renamed: RenamedObject[] = [];
  for (const entry of translation.accounting) {
    const armType = keptNameTypes[entry.classicType];
    const armId = entry.armIds[0];
    if (armType === undefined || entry.outcome !== 'migrated' || armId === undefined) continue;
    const armName = armId.slice(armId.lastIndexOf('/') + 1);
    if (armName === entry.name) continue;
    renamed.push({
      classicId: entry.classicId,
      classicType: entry.classicType,
      classicName: entry.name,
      armId,
      armName,
      cause: defaultNameFromClassicName(entry.name, armType) === armName ? 'characters' : 'namingPolicy',
    });
  }
  return renamed;
}
