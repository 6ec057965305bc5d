/**
 * `status` and `plan` in chat: the scope's status (use-cases/scope-status.ts) as a reply, or "did you
 * mean …?" for a scope the subscription never held.
 */
import type { ChatOptions, ScopeTarget } from '../../domain/chat/chat-command';
import { type ChatReply, problemReply } from '../../domain/chat/chat-reply';
import { targetLabel } from '../../domain/chat/chat-text';
import { planReply, statusReply } from '../../domain/chat/scope-replies';
import { scopeStatus } from '../scope-status';
import type { ChatDeps } from './chat-request';
import { didYouMean, resolveTarget } from './resolve-target';
import { subscriptionOf, visibilityOf } from './start-from-chat';

export async function scopeQuery(
  deps: ChatDeps,
  verb: 'status' | 'plan',
  target: ScopeTarget,
  options: ChatOptions,
): Promise<ChatReply> {
  const scope = await resolveTarget(deps, subscriptionOf(deps, options), target);
  const status = await scopeStatus(deps, deps.entity, scope);
  // A scope that never existed: not in Classic, never operated on (as GET /api/migrations/… answers 404).
  if (!status.classic && status.history.operations.length === 0 && status.state === 'None') {
    const help = await didYouMean(deps, scope, verb);
    return problemReply(
      `No ${targetLabel(scope)}`,
      `No ${targetLabel(scope)} in subscription ${scope.subscriptionId}. ${help.text}`,
      help.next,
    );
  }
  const view = { ...status, operations: status.history.operations };
  const reply = verb === 'status' ? statusReply(view) : planReply(view);
  return { ...reply, visibility: visibilityOf(options) };
}
