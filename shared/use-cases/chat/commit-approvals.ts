/**
 * The two-person rule for Commit in chat (COMMIT_REQUIRES_SECOND_APPROVER=true):
 * - an approver's `commit` creates a pending approval (a short random code, expiring after
 *   CHAT_APPROVAL_MINUTES) and is audited as waiting for a second approver;
 * - `approve <code>` by a DIFFERENT approver starts the Commit through admission (idempotency key
 *   `chat-approval:<code>`, so a second approve, or two approvers at once, start one Commit), and the
 *   approval is audited naming both people; the operation's `requestedBy` names both too;
 * - the requester approving their own commit, an expired or an unknown code: refused with the reason
 *   (a non-approver is refused by the permission table before this runs).
 * A refused Commit (e.g. the scope is not Prepared) leaves the code valid until it expires (our choice).
 */
import { approvalCodeFrom, decideApproval, type PendingApproval } from '../../domain/chat/approval';
import { pendingApprovalReply } from '../../domain/chat/approval-replies';
import type { ChatOptions, ScopeTarget } from '../../domain/chat/chat-command';
import { type ChatReply, problemReply } from '../../domain/chat/chat-reply';
import { targetLabel } from '../../domain/chat/chat-text';
import { chatIdentity } from '../../domain/chat/chat-user';
import { acceptedReply } from '../../domain/chat/operation-replies';
import { scopeKey } from '../../domain/scope/scope';
import { estateScopes } from '../estate-scopes';
import { admissionReply } from './admission-reply';
import { chatOperationId } from './chat-operation-id';
import type { ChatDeps, ChatRequest } from './chat-request';
import { didYouMean, resolveTarget } from './resolve-target';
import { admitWithConversation, subscriptionOf, visibilityOf } from './start-from-chat';

const maxCodeAttempts = 5;

export async function requestCommitApproval(
  deps: ChatDeps,
  request: ChatRequest,
  target: ScopeTarget,
  options: ChatOptions,
): Promise<ChatReply> {
  const scope = await resolveTarget(deps, subscriptionOf(deps, options), target);
  const estate = await estateScopes(deps, scope.subscriptionId);
  if (
    !estate.some(
      (entry) => entry.kind === scope.kind && entry.name.toLowerCase() === scope.name.toLowerCase(),
    )
  ) {
    const help = await didYouMean(deps, scope, 'commit');
    return problemReply(
      `No ${targetLabel(scope)}`,
      `No ${targetLabel(scope)} in subscription ${scope.subscriptionId}. ${help.text}`,
      help.next,
    );
  }
  const now = deps.clock.now();
  const minutes = deps.config.chat.approvalMinutes;
  for (let attempt = 0; attempt < maxCodeAttempts; attempt++) {
    const code = approvalCodeFrom(deps.ids.newId());
    const bound =
      request.idempotencyKey === undefined
        ? code
        : await deps.chatApprovals.claimRequest(`${scope.subscriptionId}:${request.idempotencyKey}`, code);
    if (bound !== code) {
      // The same command again (a Slack retry): answer with the approval it created.
      const earlier = await deps.chatApprovals.get(bound);
      if (earlier) return pendingReply(earlier.approval, minutes);
    }
    const approval: PendingApproval = {
      code,
      operation: 'commit',
      scope,
      requester: {
        platform: request.user.platform,
        id: request.user.id,
        ...(request.user.name ? { name: request.user.name } : {}),
      },
      channelId: request.channelId,
      visibility: visibilityOf(options),
      ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
    };
    if (!(await deps.chatApprovals.create(approval))) continue;
    await deps.audit.append({
      at: now.toISOString(),
      scopeKey: scopeKey(scope),
      actor: chatIdentity(request.user),
      source: 'chat',
      action: 'commit',
      outcome: 'AwaitingSecondApprover',
      detail: `two-person rule: a second approver must approve before ${approval.expiresAt} (from ${request.user.platform} channel ${request.channelId})`,
    });
    return pendingReply(approval, minutes);
  }
  throw new Error(`Could not draw a free approval code in ${maxCodeAttempts} attempts.`);
}

export async function approveCommit(deps: ChatDeps, request: ChatRequest, code: string): Promise<ChatReply> {
  const stored = await deps.chatApprovals.get(code);
  if (!stored) {
    return problemReply(
      'Unknown approval code',
      `No commit waits for approval code ${code}. Check the code; a commit is asked for again with \`commit <kind> <name>\`.`,
    );
  }
  const now = deps.clock.now();
  const decision = decideApproval(stored.approval, request.user, now);
  const { scope } = stored.approval;
  const requester = chatIdentity(stored.approval.requester);
  const approver = chatIdentity(request.user);
  const operationId = chatOperationId(scope.subscriptionId, approvalKey(code));
  if (decision.kind === 'refuse') {
    await deps.audit.append({
      at: now.toISOString(),
      scopeKey: scopeKey(scope),
      actor: approver,
      source: 'chat',
      action: 'approve',
      outcome: `Rejected: ${decision.code}`,
      detail: `commit requested by ${requester}: ${decision.message} (from ${request.user.platform} channel ${request.channelId})`,
    });
    return problemReply(`Approval ${code} refused`, decision.message);
  }
  if (decision.kind === 'alreadyApproved') {
    const by = decision.approval.approver ? chatIdentity(decision.approval.approver) : 'another approver';
    const reply = acceptedReply(
      { operationId, operation: 'commit', target: scope },
      visibilityOf({ inChannel: stored.approval.visibility === 'inChannel' }),
      true,
      'none',
    );
    return { ...reply, text: `Already approved by ${by}. ${reply.text}` };
  }
  const { result, followUp } = await admitWithConversation(deps, request, {
    scope,
    operation: 'commit',
    // Our choice: the approval's start is seen by the channel, as its request was.
    visibility: 'inChannel',
    requestedBy: `${requester}, approved by ${approver}`,
    origin: `${request.user.platform} channel ${request.channelId}, approval ${code}`,
    idempotencyKey: approvalKey(code),
    migrationOptions: {},
  });
  if (result.kind === 'started' || result.kind === 'existing') {
    // Whoever records the approval first is the second approver; a concurrent one started the same Commit.
    await deps.chatApprovals.replace({ ...decision.approval, operationId }, stored.etag);
    await deps.audit.append({
      at: now.toISOString(),
      scopeKey: scopeKey(scope),
      operationId,
      actor: approver,
      source: 'chat',
      action: 'approve',
      outcome: 'Approved',
      detail: `second approver of the commit requested by ${requester} (two-person rule; from ${request.user.platform} channel ${request.channelId})`,
    });
  }
  return admissionReply(result, { scope, operation: 'commit', visibility: 'inChannel' }, followUp);
}

const approvalKey = (code: string) => `chat-approval:${code}`;

function pendingReply(approval: PendingApproval, minutes: number): ChatReply {
  return pendingApprovalReply({
    code: approval.code,
    target: approval.scope,
    requestedBy: chatIdentity(approval.requester),
    expiresAt: approval.expiresAt,
    minutes,
  });
}
