/**
 * `NetworkSecurityGroup` (Get with `detaillevel=Full` has `Rules`; List has none) → the model's NSG.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import {
  type NetworkSecurityGroup,
  networkSecurityGroupSchema,
} from '../../../domain/classic/network.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

export interface ParsedNetworkSecurityGroup {
  networkSecurityGroup: NetworkSecurityGroup;
  /** False when the element had no `Rules` (the rules are unknown, not absent). */
  hasRules: boolean;
}

export function parseNetworkSecurityGroupElement(element: XmlElement): ParsedNetworkSecurityGroup {
  const unknownElements: UnknownElement[] = [];
  const nsg = ElementReader.forObject(element, unknownElements);
  const hasRules = nsg.has('Rules');
  const input = {
    name: nsg.requiredString('Name'),
    label: nsg.string('Label'),
    location: nsg.string('Location'),
    state: nsg.string('State'),
    rules: nsg.list('Rules', 'Rule', (rule) => ({
      name: rule.requiredString('Name'),
      type: rule.oneOf('Type', ['Inbound', 'Outbound']),
      priority: rule.integer('Priority'),
      action: rule.oneOf('Action', ['Allow', 'Deny']),
      sourceAddressPrefix: rule.string('SourceAddressPrefix'),
      sourcePortRange: rule.string('SourcePortRange'),
      destinationAddressPrefix: rule.string('DestinationAddressPrefix'),
      destinationPortRange: rule.string('DestinationPortRange'),
      protocol: rule.oneOf('Protocol', ['TCP', 'UDP', '*']),
      state: rule.string('State'),
      // Azure writes IsDefault only on the default rules; an explicit false is kept verbatim.
      isDefault: rule.boolean('IsDefault', { keepIfEquals: false }),
    })),
    unknownElements,
  };
  nsg.finish();
  return { networkSecurityGroup: modelFrom(networkSecurityGroupSchema, input, element), hasRules };
}
