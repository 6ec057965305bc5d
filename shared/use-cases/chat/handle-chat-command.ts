/**
 * One chat command, from either platform: read it with the grammar, find the user's role (CHAT_ROLES;
 * unmapped users are viewers), check the permission table, then run it — operations through admission,
 * Commit through the two-person rule when COMMIT_REQUIRES_SECOND_APPROVER is on. A refusal by role is
 * audited under the scope when the command names one.
 */
import { actionOf, type ChatCommand } from '../../domain/chat/chat-command';
import { parseChatCommand } from '../../domain/chat/chat-grammar';
import { type ChatReply, problemReply } from '../../domain/chat/chat-reply';
import { authorize } from '../../domain/chat/chat-roles';
import { chatIdentity, roleOf } from '../../domain/chat/chat-user';
import { helpReply } from '../../domain/chat/help-reply';
import { scopeKey } from '../../domain/scope/scope';
import { batchAction, batchList } from './batch-queries';
import type { ChatDeps, ChatRequest } from './chat-request';
import { approveCommit, requestCommitApproval } from './commit-approvals';
import { scopeQuery } from './scope-queries';
import { startFromChat, subscriptionOf } from './start-from-chat';

export async function handleChatCommand(deps: ChatDeps, request: ChatRequest): Promise<ChatReply> {
  const command = parseChatCommand(request.text);
  const role = roleOf(deps.config.chat.roles, request.user);
  const permission = authorize(role, actionOf(command));
  if (!permission.allowed) {
    await auditRefusal(deps, request, command, permission.message);
    return problemReply('Not allowed', permission.message);
  }
  switch (command.verb) {
    case 'help':
      return helpReply(role, command.topic, command.problem);
    case 'validate':
    case 'prepare':
    case 'abort':
      return startFromChat(deps, request, command.verb, command.target, command.options);
    case 'commit':
      return deps.config.chat.commitRequiresSecondApprover
        ? requestCommitApproval(deps, request, command.target, command.options)
        : startFromChat(deps, request, 'commit', command.target, command.options);
    case 'approve':
      return approveCommit(deps, request, command.code);
    case 'status':
    case 'plan':
      return scopeQuery(deps, command.verb, command.target, command.options);
    case 'batchList':
      return batchList(deps, command.options);
    case 'batchStatus':
    case 'batchPause':
    case 'batchResume':
    case 'batchCancel':
      return batchAction(deps, request, command.verb, command.batchId, command.options);
  }
}

async function auditRefusal(deps: ChatDeps, request: ChatRequest, command: ChatCommand, message: string) {
  if (!('target' in command)) return;
  const scope = { subscriptionId: subscriptionOf(deps, command.options), ...command.target };
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    scopeKey: scopeKey(scope),
    actor: chatIdentity(request.user),
    source: 'chat',
    action: command.verb,
    outcome: 'Rejected: ChatRoleRequired',
    detail: `${message} (from ${request.user.platform} channel ${request.channelId})`,
  });
}
