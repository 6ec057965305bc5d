/**
 * Starts validate, prepare, commit or abort asked for in chat — through admission only
 * (`requestOperation`, source `chat`) — and opens the conversation its follow-ups go to: stored under the
 * operation id before admission (the id derives from the request's idempotency key), so even an outcome
 * that comes back at once finds it. On Slack a progress check is scheduled for Prepare, Commit and Abort
 * (Validate has no steps: its findings come with the outcome).
 */
import type { ChatOptions, ScopeTarget } from '../../domain/chat/chat-command';
import { type Conversation, responseUrlLifetimeMinutes } from '../../domain/chat/chat-conversation';
import type { ChatReply, ReplyVisibility } from '../../domain/chat/chat-reply';
import { chatIdentity } from '../../domain/chat/chat-user';
import type { MigrationOperation } from '../../domain/migration/migration-state';
import type { ScopeRef } from '../../domain/scope/scope';
import type { AdmissionResult } from '../request-operation/operation-request';
import { requestOperation } from '../request-operation/request-operation';
import { admissionReply } from './admission-reply';
import { chatOperationId } from './chat-operation-id';
import type { ChatDeps, ChatRequest } from './chat-request';
import { didYouMean, resolveTarget } from './resolve-target';

export function visibilityOf(options: ChatOptions): ReplyVisibility {
  return options.inChannel ? 'inChannel' : 'ephemeral';
}

export function subscriptionOf(deps: Pick<ChatDeps, 'config'>, options: ChatOptions): string {
  return options.subscriptionId ?? deps.config.defaultSubscriptionId;
}

export async function startFromChat(
  deps: ChatDeps,
  request: ChatRequest,
  operation: MigrationOperation,
  target: ScopeTarget,
  options: ChatOptions,
): Promise<ChatReply> {
  const scope = await resolveTarget(deps, subscriptionOf(deps, options), target);
  const visibility = visibilityOf(options);
  const { result, followUp } = await admitWithConversation(deps, request, {
    scope,
    operation,
    visibility,
    requestedBy: chatIdentity(request.user),
    origin: `${request.user.platform} channel ${request.channelId}`,
    idempotencyKey: request.idempotencyKey,
    migrationOptions: {
      ...(options.includePreflight ? { includePreflight: true } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
  });
  const notFound = result.kind === 'notFound' ? await didYouMean(deps, scope, operation) : undefined;
  return admissionReply(result, { scope, operation, visibility }, followUp, notFound);
}

export interface ChatAdmission {
  scope: ScopeRef;
  operation: MigrationOperation;
  visibility: ReplyVisibility;
  requestedBy: string;
  origin: string;
  idempotencyKey: string | undefined;
  migrationOptions: { includePreflight?: boolean; profile?: 'ga' | 'preview-2016' };
}

/** Admission with the conversation stored first; where the follow-ups will go. */
export async function admitWithConversation(
  deps: ChatDeps,
  request: ChatRequest,
  admission: ChatAdmission,
): Promise<{ result: AdmissionResult; followUp: 'here' | 'channel' | 'none' }> {
  const { scope, operation } = admission;
  const operationId =
    admission.idempotencyKey === undefined
      ? deps.ids.newId()
      : chatOperationId(scope.subscriptionId, admission.idempotencyKey);
  const now = deps.clock.now();
  const conversation: Conversation = {
    operationId,
    platform: request.user.platform,
    channelId: request.channelId,
    user: { id: request.user.id, ...(request.user.name ? { name: request.user.name } : {}) },
    scope,
    operation,
    visibility: admission.visibility,
    ...(request.responseUrl
      ? {
          responseUrl: request.responseUrl,
          responseUrlExpiresAt: new Date(now.getTime() + responseUrlLifetimeMinutes * 60_000).toISOString(),
        }
      : {}),
    postsUsed: 0,
    progressPosts: 0,
    createdAt: now.toISOString(),
    postedEventIds: [],
  };
  const opened = await deps.chatConversations.create(conversation);
  const result = await requestOperation(deps, {
    scope,
    operation,
    options: admission.migrationOptions,
    requestedBy: admission.requestedBy,
    source: 'chat',
    origin: admission.origin,
    operationId,
    ...(admission.idempotencyKey === undefined ? {} : { idempotencyKey: admission.idempotencyKey }),
  });
  const admitted = result.kind === 'started' || result.kind === 'existing';
  if (!admitted && opened) await deps.chatConversations.remove(operationId);
  if (result.kind === 'started' && opened && request.responseUrl && operation !== 'validate') {
    try {
      await deps.chatProgress.schedule({ v: 1, operationId }, deps.config.chat.progressSeconds);
    } catch (error) {
      // Progress is a courtesy: the outcome still comes. Our choice: answer rather than fail the command.
      deps.log?.(
        `Could not schedule progress for ${operationId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const webhook = deps.config.chat.channelWebhooks[`${request.user.platform}:${request.channelId}`];
  return { result, followUp: request.responseUrl ? 'here' : webhook ? 'channel' : 'none' };
}
