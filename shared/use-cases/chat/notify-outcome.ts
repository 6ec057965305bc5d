/**
 * Posts an operation's outcome (an event of `migration-events`, read on the `notifiers` subscription) to
 * the chat conversation that asked for it: the findings with recommendations, addresses changed, the next
 * step. Through the Slack response_url while it is valid (not expired, posts left), otherwise the
 * channel's webhook (CHAT_CHANNEL_WEBHOOKS). An operation started elsewhere has no conversation: nothing
 * is posted.
 *
 * Exactly once per event, as far as chat allows: the event id is claimed on the conversation (under its
 * ETag) before posting and recorded as posted after, so a redelivered event is not posted twice; a claim
 * left by a crashed poster expires after a minute. When every target fails the claim is released and a
 * TransientFault asks Service Bus to deliver the event again.
 */
import type { OutcomeEvent } from '../../contracts/outcome-event';
import {
  claimOutcome,
  outcomePosted,
  outcomeReleased,
  outcomeTargets,
} from '../../domain/chat/chat-conversation';
import { outcomeReply } from '../../domain/chat/operation-replies';
import { migrationOperationSchema } from '../../domain/migration/migration-state';
import { TransientFault } from '../errors';
import type { ChatDeps } from './chat-request';

export type OutcomeNotice = 'posted' | 'noConversation' | 'alreadyPosted' | 'busy' | 'noTarget';

export async function notifyOutcome(
  deps: Omit<ChatDeps, 'entity'>,
  event: OutcomeEvent,
): Promise<OutcomeNotice> {
  const { operationId } = event.data;
  const now = deps.clock.now();
  let verdict: OutcomeNotice = 'noConversation';
  const claimed = await deps.chatConversations.update(operationId, (current) => {
    const claim = claimOutcome(current, event.id, now);
    verdict = claim.kind === 'posted' ? 'alreadyPosted' : claim.kind === 'busy' ? 'busy' : 'posted';
    return claim.kind === 'claimed' ? claim.conversation : undefined;
  });
  if (!claimed?.changed) return verdict;
  const conversation = claimed.conversation;

  const record = await deps.operations.get(operationId);
  const operation = migrationOperationSchema.safeParse(event.data.operation);
  const scope = record?.scope ?? conversation.scope;
  const reply = outcomeReply(
    {
      operationId,
      operation: operation.success ? operation.data : conversation.operation,
      target: scope,
      status: event.data.status,
      ...(event.data.state ? { state: event.data.state } : {}),
      requestedBy: event.data.requestedBy,
      ...(event.data.error ? { error: event.data.error } : {}),
      findings: record?.findings ?? [],
      counts: event.data.findings,
      ...(event.data.armResourceCount === undefined ? {} : { armResourceCount: event.data.armResourceCount }),
      ...(record?.dataPlaneEffects ? { dataPlaneEffects: record.dataPlaneEffects } : {}),
    },
    conversation.visibility,
  );

  const targets = outcomeTargets(conversation, now, deps.config.chat.channelWebhooks);
  for (const target of targets) {
    const result = await deps.chatPoster.post({ platform: conversation.platform, ...target }, reply);
    if (result.ok) {
      await deps.chatConversations.update(operationId, (current) =>
        outcomePosted(current, event.id, target.via),
      );
      return 'posted';
    }
    deps.log?.(
      `Outcome ${event.id} not posted via ${target.via} (HTTP ${result.status} ${result.detail ?? ''}).`,
    );
  }
  if (targets.length === 0) {
    // Nowhere to post (no response_url left, no webhook for the channel): done, not retried.
    deps.log?.(
      `Outcome ${event.id}: no response_url left and no webhook for ${conversation.platform}:${conversation.channelId}.`,
    );
    await deps.chatConversations.update(operationId, (current) => outcomePosted(current, event.id, 'none'));
    return 'noTarget';
  }
  await deps.chatConversations.update(operationId, (current) => outcomeReleased(current));
  throw new TransientFault(
    'ChatPostFailed',
    `The outcome ${event.id} could not be posted to chat; it will be retried.`,
  );
}
