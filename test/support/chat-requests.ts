/** Signed chat requests as Slack and Teams send them, for handler and end-to-end tests. */
import { createHmac, randomUUID } from 'node:crypto';

export interface SlackCommandInput {
  text: string;
  userId: string;
  userName?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

export function slackForm(input: SlackCommandInput): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'contoso',
    channel_id: input.channelId ?? 'C0001',
    channel_name: 'migrations',
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: '/migrate',
    text: input.text,
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    trigger_id: input.triggerId ?? `${Date.now()}.${randomUUID()}`,
    api_app_id: 'A0001',
  }).toString();
}

/** Headers Slack would send for `body` signed with `secret` at `unixSeconds`. */
export function slackHeaders(secret: string, body: string, unixSeconds = Math.floor(Date.now() / 1000)) {
  const timestamp = String(unixSeconds);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  };
}

export interface TeamsMessageInput {
  text: string;
  aadObjectId: string;
  name?: string;
  channelId?: string;
  id?: string;
}

export function teamsActivity(input: TeamsMessageInput): string {
  return JSON.stringify({
    type: 'message',
    id: input.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: `29:${input.aadObjectId}`, name: input.name ?? 'Teams User', aadObjectId: input.aadObjectId },
    conversation: { id: `${input.channelId ?? '19:chan@thread.skype'};messageid=1`, isGroup: true },
    recipient: null,
    textFormat: 'plain',
    text: `<at>Migrator</at> ${input.text}\n`,
    channelData: {
      teamsChannelId: input.channelId ?? '19:chan@thread.skype',
      channel: { id: input.channelId ?? '19:chan@thread.skype' },
    },
  });
}

/** `Authorization: HMAC …` as Teams computes it with the webhook's base64 security token. */
export function teamsHeaders(secretBase64: string, body: string) {
  const hmac = createHmac('sha256', Buffer.from(secretBase64, 'base64'))
    .update(Buffer.from(body, 'utf8'))
    .digest('base64');
  return { 'content-type': 'application/json', authorization: `HMAC ${hmac}` };
}
