/**
 * Classic NSGs → Get Network Security Group with `detaillevel=Full` (`<NetworkSecurityGroup>` with
 * `Rules`) and the list form (`<NetworkSecurityGroups>`, each with its rules). `IsDefault` is written on
 * default rules only, as Azure did.
 */
import type { NetworkSecurityGroup } from '../../../domain/classic/network.schema';
import { networkSecurityGroupOrder, networkSecurityRuleOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { listNode } from './list-node';
import { renderBody, renderListBody } from './response-body';

export interface NetworkSecurityGroupSerializeOptions {
  /**
   * Write `Rules` (`detaillevel=Full`). Default true. Without it Azure wrote no `Rules` element, and a
   * reader tells "not listed" from "none" by its absence (see `networkSecurityGroupsWithoutRules`).
   */
  withRules?: boolean;
}

export function serializeNetworkSecurityGroup(
  nsg: NetworkSecurityGroup,
  options: NetworkSecurityGroupSerializeOptions = {},
): string {
  return renderBody(networkSecurityGroupNode(nsg, options));
}

export function serializeNetworkSecurityGroups(
  nsgs: readonly NetworkSecurityGroup[],
  options: NetworkSecurityGroupSerializeOptions = {},
): string {
  return renderListBody(
    'NetworkSecurityGroups',
    nsgs.map((nsg) => networkSecurityGroupNode(nsg, options)),
  );
}

function networkSecurityGroupNode(
  nsg: NetworkSecurityGroup,
  options: NetworkSecurityGroupSerializeOptions,
): ElementNode {
  const bag = new UnknownBag(nsg.unknownElements);
  return orderedElement(
    'NetworkSecurityGroup',
    networkSecurityGroupOrder,
    [
      leaf('Name', nsg.name),
      leaf('Label', nsg.label),
      leaf('Location', nsg.location),
      leaf('State', nsg.state),
      options.withRules === false
        ? undefined
        : listNode('NetworkSecurityGroup', 'Rules', 'Rule', nsg.rules, bag, (rule, ruleBag) =>
            orderedElement(
              'Rule',
              networkSecurityRuleOrder,
              [
                leaf('Name', rule.name),
                leaf('Type', rule.type),
                leaf('Priority', rule.priority),
                leaf('Action', rule.action),
                leaf('SourceAddressPrefix', rule.sourceAddressPrefix),
                leaf('SourcePortRange', rule.sourcePortRange),
                leaf('DestinationAddressPrefix', rule.destinationAddressPrefix),
                leaf('DestinationPortRange', rule.destinationPortRange),
                leaf('Protocol', rule.protocol),
                leaf('State', rule.state),
                leaf('IsDefault', rule.isDefault ? 'true' : undefined),
              ],
              ruleBag,
            ),
          ),
    ],
    bag,
  );
}
