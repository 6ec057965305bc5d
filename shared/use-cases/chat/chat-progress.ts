/**
 * One progress check of an operation asked for on Slack (the `chat-progress` queue): while it runs and
 * its response_url can take a post with one kept for the outcome (at most 3 progress posts), post its
 * progress — state, step, done/total, ETA — when that changed since the last post, and check again in
 * CHAT_PROGRESS_SECONDS. Stops when the operation ends (the outcome notifier takes over), when the
 * budget is spent or the response_url expired. A queued operation is not posted (nothing to add to the
 * acknowledgement: our choice). The next check is queued before this one reads and posts, so a crash
 * mid-check does not end the follow-ups (a check that finds nothing to do simply stops).
 */
import type { ProgressTick } from '../../contracts/chat-progress';
import { mayPostProgress, progressPosted } from '../../domain/chat/chat-conversation';
import { progressReply, type ProgressView } from '../../domain/chat/operation-replies';
import { progressView } from '../scope-status';
import type { ChatDeps } from './chat-request';

export type ProgressCheck = 'posted' | 'unchanged' | 'finished' | 'stopped';

export async function checkProgress(deps: ChatDeps, tick: ProgressTick): Promise<ProgressCheck> {
  const conversation = await deps.chatConversations.get(tick.operationId);
  const now = deps.clock.now();
  if (!conversation?.responseUrl || !mayPostProgress(conversation, now)) return 'stopped';
  const record = await deps.operations.get(tick.operationId);
  if (!record || record.status === 'Succeeded' || record.status === 'Failed') return 'finished';

  // The next check is queued before this one works: a worker that dies while posting leaves it queued.
  await deps.chatProgress.schedule(tick, deps.config.chat.progressSeconds);
  if (record.status !== 'InProgress') return 'unchanged';
  const entity = await deps.entity.read(record.scopeKey);
  const running = entity?.running?.operationId === record.operationId ? entity.running : undefined;
  const view: ProgressView = {
    status: record.status,
    state: entity?.state ?? 'None',
    ...(running && entity?.progress ? { progress: progressView(entity.progress, running, now) } : {}),
  };
  const signature = [view.state, view.progress?.step, view.progress?.done, view.progress?.total].join('|');
  const claimed = await deps.chatConversations.update(tick.operationId, (current) =>
    current.lastProgress !== signature && mayPostProgress(current, now)
      ? progressPosted(current, signature)
      : undefined,
  );
  if (!claimed?.changed) return 'unchanged';
  const result = await deps.chatPoster.post(
    { platform: conversation.platform, via: 'responseUrl', url: conversation.responseUrl },
    progressReply(
      { operationId: record.operationId, operation: record.operation, target: record.scope },
      view,
      conversation.visibility,
    ),
  );
  if (!result.ok)
    deps.log?.(
      `Progress of ${record.operationId} was not posted (HTTP ${result.status} ${result.detail ?? ''}).`,
    );
  return 'posted';
}
