/**
 * Posts replies to chat platforms over HTTPS: Block Kit to a Slack response_url or incoming webhook, an
 * Adaptive Card message to a Teams (Workflows) webhook. Failures are answers, not exceptions; URLs are
 * never logged (a Workflows URL's `sig=` is a credential).
 */
import type { ChatReply } from '../../domain/chat/chat-reply';
import type { ChatPoster, ChatPostResult, ChatPostTarget } from '../../ports/chat.port';
import { teamsMessage } from './adaptive-card';
import { slackMessage, slackResponseUrlPayload } from './slack-blocks';

/** How long a post may take (our choice). */
export const chatPostTimeoutMs = 10_000;

export class HttpChatPoster implements ChatPoster {
  async post(target: ChatPostTarget, reply: ChatReply): Promise<ChatPostResult> {
    const payload =
      target.platform === 'teams'
        ? teamsMessage(reply)
        : target.via === 'responseUrl'
          ? slackResponseUrlPayload(reply)
          : slackMessage(reply);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(chatPostTimeoutMs),
      });
      const detail = (await response.text()).slice(0, 200);
      return { ok: response.ok, status: response.status, ...(response.ok ? {} : { detail }) };
    } catch (error) {
      return { ok: false, status: 0, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
