/**
 * The bodies that name what to associate, as the `azure-asm-network` client sends them: adding an NSG to a
 * subnet, VM or NIC (`<NetworkSecurityGroup><Name>nsg</Name></NetworkSecurityGroup>`) and a route table to
 * a subnet (`<RouteTableAssociation><RouteTableName>rt</RouteTableName></RouteTableAssociation>`).
 */
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

const bodies = {
  networkSecurityGroup: { root: 'NetworkSecurityGroup', name: 'Name' },
  routeTable: { root: 'RouteTableAssociation', name: 'RouteTableName' },
} as const;

export function parseAssociationName(
  xml: string | Uint8Array,
  kind: keyof typeof bodies,
  limits: Partial<XmlLimits> = {},
): Result<string, ServiceManagementError> {
  const body = bodies[kind];
  const root = requestRoot(xml, body.root, limits);
  if (!root.ok) return root;
  const name = childText(root.value, body.name);
  return name === undefined
    ? err({
        code: 'InvalidDocument',
        message: `${body.name} is required.`,
        path: `${root.value.path}/${body.name}`,
      })
    : ok(name);
}
