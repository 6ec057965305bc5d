/**
 * What chat needs from the outside: where conversations and pending approvals are kept, how a reply is
 * posted to a chat platform (a response_url or an incoming webhook), and how a progress check is
 * scheduled for later.
 */
import type { ProgressTick } from '../contracts/chat-progress';
import type { PendingApproval } from '../domain/chat/approval';
import type { Conversation } from '../domain/chat/chat-conversation';
import type { ChatReply } from '../domain/chat/chat-reply';
import type { ChatPlatform } from '../domain/chat/chat-user';

export interface ConversationStore {
  /** Stores a new conversation; false when the operation has one already. */
  create(conversation: Conversation): Promise<boolean>;
  get(operationId: string): Promise<Conversation | undefined>;
  /** Forgets a conversation whose operation was not admitted. */
  remove(operationId: string): Promise<void>;
  /**
   * Applies `change` under optimistic concurrency (retried on a conflict); `change` returns undefined to
   * leave the conversation as it is. Undefined when there is no conversation.
   */
  update(
    operationId: string,
    change: (current: Conversation) => Conversation | undefined,
  ): Promise<{ conversation: Conversation; changed: boolean } | undefined>;
}

export interface ApprovalStore {
  /** Stores a new pending approval; false when its code is taken. */
  create(approval: PendingApproval): Promise<boolean>;
  get(code: string): Promise<{ approval: PendingApproval; etag: string } | undefined>;
  /** Replaces the approval if it is unchanged since `etag`; false otherwise. */
  replace(approval: PendingApproval, etag: string): Promise<boolean>;
  /**
   * Binds a chat request (its idempotency key) to an approval code; returns the code bound before when
   * the same request comes again (Slack may retry a slash command).
   */
  claimRequest(requestKey: string, code: string): Promise<string>;
}

export interface ChatPostTarget {
  platform: ChatPlatform;
  /** A Slack response_url, or an incoming webhook (Slack, or Teams Workflows). */
  via: 'responseUrl' | 'webhook';
  url: string;
}

export interface ChatPostResult {
  ok: boolean;
  status: number;
  detail?: string;
}

export interface ChatPoster {
  /** Renders the reply for the platform and posts it; never throws for an HTTP or network failure. */
  post(target: ChatPostTarget, reply: ChatReply): Promise<ChatPostResult>;
}

export interface ProgressScheduler {
  /** Puts a progress check on the queue, invisible for `delaySeconds`. */
  schedule(tick: ProgressTick, delaySeconds: number): Promise<void>;
}
