/**
 * The not-found text of a scope, taken from the scope's own not-found rule so that Validate's finding and
 * every API's 404/400 body say the same thing (Azure's recorded texts for deployments, storage accounts and
 * VNets; ours for the others, see the rules). Pure.
 */
import { classicInventorySchema } from '../classic/inventory.schema';
import type { ScopeKind, ScopeRef } from '../scope/scope';
import { deploymentNotFoundRule } from './rules/deployment-not-found.rule';
import { networkSecurityGroupNotFoundRule } from './rules/network-security-group-not-found.rule';
import { reservedIpNotFoundRule } from './rules/reserved-ip-not-found.rule';
import { routeTableNotFoundRule } from './rules/route-table-not-found.rule';
import { storageAccountNotFoundRule } from './rules/storage-account-not-found.rule';
import { virtualNetworkNotFoundRule } from './rules/virtual-network-not-found.rule';
import type { ValidationRule } from './validation-rule';

const notFoundRules: Readonly<Record<ScopeKind, ValidationRule>> = {
  cloudService: deploymentNotFoundRule,
  virtualNetwork: virtualNetworkNotFoundRule,
  storageAccount: storageAccountNotFoundRule,
  reservedIp: reservedIpNotFoundRule,
  networkSecurityGroup: networkSecurityGroupNotFoundRule,
  routeTable: routeTableNotFoundRule,
};

export function scopeNotFoundMessage(scope: Pick<ScopeRef, 'kind' | 'name'>): string {
  // The rule reads only the scope's name: any subscription and an empty inventory will do.
  const subscriptionId = 'any';
  const [finding] = notFoundRules[scope.kind].check({
    inventory: classicInventorySchema.parse({ subscription: { id: subscriptionId } }),
    scope: { subscriptionId, kind: scope.kind, name: scope.name },
    contents: undefined,
    profile: 'ga',
  });
  if (!finding) throw new Error(`The not-found rule of ${scope.kind} found nothing for an empty inventory.`);
  return finding.message;
}
