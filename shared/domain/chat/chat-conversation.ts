/**
 * A conversation: where the follow-ups of one operation asked for in chat go. Slack answers through the
 * command's `response_url` (Slack: at most 5 posts within 30 minutes); Teams has none, so its outcome
 * goes to the channel's incoming webhook (CHAT_CHANNEL_WEBHOOKS), and so does Slack's once its
 * response_url is spent or expired. Progress may use at most 3 of the 5 posts (our choice), so the
 * outcome always has one left. Pure.
 */
import { z } from 'zod';

import { migrationOperationSchema } from '../migration/migration-state';
import { scopeRefSchema } from '../scope/scope';
import { chatPlatformSchema } from './chat-user';

/** Slack: "up to 5 times within 30 minutes". */
export const responseUrlMaxPosts = 5;
export const responseUrlLifetimeMinutes = 30;
/** Progress posts per response_url (our choice), leaving the outcome at least one. */
export const maxProgressPosts = 3;
/** A claim on posting an outcome that old is taken to be a crashed poster's (our choice). */
export const outcomeClaimSeconds = 60;

export const conversationSchema = z.object({
  operationId: z.string(),
  platform: chatPlatformSchema,
  channelId: z.string(),
  user: z.object({ id: z.string(), name: z.string().optional() }),
  scope: scopeRefSchema,
  operation: migrationOperationSchema,
  visibility: z.enum(['ephemeral', 'inChannel']),
  responseUrl: z.string().optional(),
  responseUrlExpiresAt: z.string().optional(),
  postsUsed: z.number().int().nonnegative().default(0),
  progressPosts: z.number().int().nonnegative().default(0),
  /** What the last progress post said (state, step, done/total), so an unchanged one is not posted. */
  lastProgress: z.string().optional(),
  createdAt: z.string(),
  /** Outcome events already posted (a redelivered event is not posted twice). */
  postedEventIds: z.array(z.string()).default([]),
  outcomeClaim: z.object({ eventId: z.string(), at: z.string() }).optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** The response_url may still take a post: not expired, not spent (keeping `reserve` posts back). */
export function responseUrlUsable(conversation: Conversation, now: Date, reserve = 0): boolean {
  if (!conversation.responseUrl || !conversation.responseUrlExpiresAt) return false;
  return (
    now.getTime() < Date.parse(conversation.responseUrlExpiresAt) &&
    conversation.postsUsed + reserve < responseUrlMaxPosts
  );
}

/** Progress may be posted: a usable response_url with a post kept for the outcome, within the budget. */
export function mayPostProgress(conversation: Conversation, now: Date): boolean {
  return (
    conversation.postedEventIds.length === 0 &&
    conversation.progressPosts < maxProgressPosts &&
    responseUrlUsable(conversation, now, 1)
  );
}

export type OutcomeTarget = { via: 'responseUrl' | 'webhook'; url: string };

/** Where an outcome goes, best first: the response_url while usable, then the channel's webhook. */
export function outcomeTargets(
  conversation: Conversation,
  now: Date,
  webhooks: Readonly<Record<string, string>>,
): OutcomeTarget[] {
  const targets: OutcomeTarget[] = [];
  if (conversation.responseUrl && responseUrlUsable(conversation, now))
    targets.push({ via: 'responseUrl', url: conversation.responseUrl });
  const webhook = webhooks[`${conversation.platform}:${conversation.channelId}`];
  if (webhook) targets.push({ via: 'webhook', url: webhook });
  return targets;
}

export type OutcomeClaim =
  | { kind: 'claimed'; conversation: Conversation }
  /** Already posted: nothing to do. */
  | { kind: 'posted' }
  /** Another delivery is posting it right now. */
  | { kind: 'busy' };

/** Claims posting `eventId`'s outcome, unless it was posted or another fresh claim holds it. */
export function claimOutcome(conversation: Conversation, eventId: string, now: Date): OutcomeClaim {
  if (conversation.postedEventIds.includes(eventId)) return { kind: 'posted' };
  const claim = conversation.outcomeClaim;
  if (claim && now.getTime() - Date.parse(claim.at) < outcomeClaimSeconds * 1000) return { kind: 'busy' };
  return {
    kind: 'claimed',
    conversation: { ...conversation, outcomeClaim: { eventId, at: now.toISOString() } },
  };
}

/** The outcome was posted (through the response_url or not). */
export function outcomePosted(
  conversation: Conversation,
  eventId: string,
  via: OutcomeTarget['via'] | 'none',
): Conversation {
  const { outcomeClaim: _released, ...rest } = conversation;
  return {
    ...rest,
    postsUsed: rest.postsUsed + (via === 'responseUrl' ? 1 : 0),
    postedEventIds: [...rest.postedEventIds, eventId],
  };
}

/** The post failed: release the claim so a redelivery tries again. */
export function outcomeReleased(conversation: Conversation): Conversation {
  const { outcomeClaim: _released, ...rest } = conversation;
  return rest;
}

/** A progress post is about to be made: count it and remember what it says. */
export function progressPosted(conversation: Conversation, signature: string): Conversation {
  return {
    ...conversation,
    postsUsed: conversation.postsUsed + 1,
    progressPosts: conversation.progressPosts + 1,
    lastProgress: signature,
  };
}
