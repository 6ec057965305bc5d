/**
 * A chat command as a verified platform request carries it, and what the chat use cases need. The Slack
 * and Teams handlers build a `ChatRequest` after checking the signature; nothing here is platform code.
 */
import type { Services } from '../../composition';
import type { ChatUser } from '../../domain/chat/chat-user';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';

export interface ChatRequest {
  user: ChatUser;
  /** Slack `channel_id`; Teams `channelData.channel.id` (or the conversation id). */
  channelId: string;
  /** The command text (Slack `text`; Teams' text without the `<at>bot</at>` mention). */
  text: string;
  /** Makes a retried delivery of the same command answer as the first did (Slack trigger_id, Teams activity id). */
  idempotencyKey?: string;
  /** Slack only: where follow-ups go (5 posts within 30 minutes). */
  responseUrl?: string;
}

export type ChatDeps = Services & {
  entity: ScopeEntityGateway;
  log?: (line: string) => void;
};
