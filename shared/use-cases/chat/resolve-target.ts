/**
 * Which scope a chat command means, and "did you mean …?" when it names none. A quoted name may be the
 * name without its quotes or, since netcfg allows quotes inside names, the name with them: whichever the
 * subscription holds (`estateScopes`, committed scopes included), the unquoted form first.
 */
import type { ScopeTarget } from '../../domain/chat/chat-command';
import { commandText, targetLabel } from '../../domain/chat/chat-text';
import { suggestScopes } from '../../domain/chat/did-you-mean';
import type { ScopeRef } from '../../domain/scope/scope';
import { type EstateScope, estateScopes } from '../estate-scopes';
import type { ChatDeps } from './chat-request';

export async function resolveTarget(
  deps: Pick<ChatDeps, 'classicInventory' | 'scopeIndex'>,
  subscriptionId: string,
  target: ScopeTarget,
): Promise<ScopeRef> {
  const fallback = { subscriptionId, kind: target.kind, name: target.name };
  if (target.quotedForm === undefined) return fallback;
  const estate = await estateScopes(deps, subscriptionId);
  const found = [target.name, target.quotedForm]
    .map((name) => findScope(estate, target.kind, name))
    .find((scope) => scope !== undefined);
  return found ? { subscriptionId, kind: found.kind, name: found.name } : fallback;
}

function findScope(estate: EstateScope[], kind: ScopeTarget['kind'], name: string): EstateScope | undefined {
  const lower = name.toLowerCase();
  return estate.find((scope) => scope.kind === kind && scope.name.toLowerCase() === lower);
}

export interface NotFoundHelp {
  text: string;
  next: string[];
}

/** "Did you mean `vnet Prod-VNet`?" for a scope the subscription does not hold. */
export async function didYouMean(
  deps: Pick<ChatDeps, 'classicInventory' | 'scopeIndex'>,
  scope: ScopeRef,
  verb: Parameters<typeof commandText>[0],
): Promise<NotFoundHelp> {
  const estate = await estateScopes(deps, scope.subscriptionId);
  const suggestions = suggestScopes(scope, estate);
  if (suggestions.length === 0) return { text: 'No scope with a similar name either.', next: [] };
  return {
    text: `Did you mean ${suggestions.map((suggestion) => `\`${targetLabel(suggestion)}\``).join(' or ')}?`,
    next: suggestions.map((suggestion) => commandText(verb, suggestion)),
  };
}
