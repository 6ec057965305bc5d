/** Where follow-ups go: the response_url's budget of 5 posts in 30 minutes, progress at most 3, claims. */
import { describe, expect, it } from 'vitest';

import {
  claimOutcome,
  type Conversation,
  mayPostProgress,
  outcomePosted,
  outcomeTargets,
  progressPosted,
} from '../../../../shared/domain/chat/chat-conversation';

const conversation: Conversation = {
  operationId: 'op-1',
  platform: 'slack',
  channelId: 'C1',
  user: { id: 'U1' },
  scope: { subscriptionId: 's', kind: 'virtualNetwork', name: 'Prod-VNet' },
  operation: 'prepare',
  visibility: 'ephemeral',
  responseUrl: 'https://hooks.slack.com/commands/1',
  responseUrlExpiresAt: '2026-01-02T03:30:00.000Z',
  postsUsed: 0,
  progressPosts: 0,
  createdAt: '2026-01-02T03:00:00.000Z',
  postedEventIds: [],
};
const now = new Date('2026-01-02T03:10:00Z');
const webhooks = { 'slack:C1': 'https://hooks.slack.com/services/T/B/x' };

describe('chat conversations', () => {
  it('When progress is posted three times, then no more progress goes out and the outcome still has its post', () => {
    let current = conversation;
    for (let i = 0; i < 3; i++) {
      expect(mayPostProgress(current, now)).toBe(true);
      current = progressPosted(current, `step ${i}`);
    }
    expect(mayPostProgress(current, now)).toBe(false);
    expect(outcomeTargets(current, now, webhooks)[0]).toEqual({
      via: 'responseUrl',
      url: conversation.responseUrl,
    });
  });

  it('When the response_url is spent or expired, then the outcome goes to the channel webhook', () => {
    expect(outcomeTargets({ ...conversation, postsUsed: 5 }, now, webhooks)).toEqual([
      { via: 'webhook', url: webhooks['slack:C1'] },
    ]);
    expect(outcomeTargets(conversation, new Date('2026-01-02T03:31:00Z'), {})).toEqual([]);
  });

  it('When an outcome was posted, then a redelivered event finds it posted; a fresh claim keeps a second poster out', () => {
    const claim = claimOutcome(conversation, 'op-1.Succeeded', now);
    expect(claim.kind).toBe('claimed');
    if (claim.kind !== 'claimed') return;
    expect(claimOutcome(claim.conversation, 'op-1.Succeeded', now)).toEqual({ kind: 'busy' });
    expect(claimOutcome(claim.conversation, 'op-1.Succeeded', new Date(now.getTime() + 61_000)).kind).toBe(
      'claimed',
    );
    const posted = outcomePosted(claim.conversation, 'op-1.Succeeded', 'responseUrl');
    expect(posted).toMatchObject({ postsUsed: 1, postedEventIds: ['op-1.Succeeded'] });
    expect(posted.outcomeClaim).toBeUndefined();
    expect(claimOutcome(posted, 'op-1.Succeeded', now)).toEqual({ kind: 'posted' });
  });
});
