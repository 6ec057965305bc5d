/**
 * A Slack slash command's form body (`application/x-www-form-urlencoded`): `command`, `text`,
 * `response_url`, `user_id`, `user_name`, `team_id`, `channel_id`, `trigger_id`…
 * https://docs.slack.dev/interactivity/implementing-slash-commands/
 */
export interface SlackSlashCommand {
  command: string;
  text: string;
  userId: string;
  userName: string | undefined;
  teamId: string | undefined;
  channelId: string;
  responseUrl: string | undefined;
  triggerId: string | undefined;
  /** Slack checks the certificate of a new command URL with `ssl_check=1`; answer 200 and nothing else. */
  sslCheck: boolean;
}

export function readSlashCommand(body: string): SlackSlashCommand | { problem: string } {
  const form = new URLSearchParams(body);
  const get = (name: string) => form.get(name)?.trim() || undefined;
  if (get('ssl_check') === '1')
    return {
      command: '',
      text: '',
      userId: '',
      userName: undefined,
      teamId: undefined,
      channelId: '',
      responseUrl: undefined,
      triggerId: undefined,
      sslCheck: true,
    };
  const userId = get('user_id');
  if (!userId) return { problem: 'The form has no user_id: not a slash command.' };
  const responseUrl = get('response_url');
  return {
    command: get('command') ?? '',
    text: form.get('text') ?? '',
    userId,
    userName: get('user_name'),
    teamId: get('team_id'),
    channelId: get('channel_id') ?? 'unknown',
    // The body is signed by Slack, so the response_url is Slack's; only its form is checked.
    responseUrl: responseUrl && /^https?:\/\//i.test(responseUrl) ? responseUrl : undefined,
    triggerId: get('trigger_id'),
    sslCheck: false,
  };
}
