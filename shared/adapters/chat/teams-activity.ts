/**
 * The Bot Framework `message` activity a Teams outgoing webhook posts: `text` begins with the
 * `<at>BotName</at>` mention (removed here, with other markup and HTML entities), `from.id`,
 * `from.aadObjectId`, `from.name`, `channelData.channel.id`, `conversation.id`, the activity `id`.
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook
 */
import { z } from 'zod';

const activitySchema = z.object({
  type: z.string().optional(),
  id: z.string().optional(),
  text: z.string().default(''),
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), name: z.string().optional() }),
  conversation: z.object({ id: z.string() }).partial().optional(),
  channelData: z
    .object({ channel: z.object({ id: z.string() }).partial().optional() })
    .passthrough()
    .optional(),
});

export interface TeamsCommand {
  activityId: string | undefined;
  text: string;
  userId: string;
  aadObjectId: string | undefined;
  userName: string | undefined;
  channelId: string;
}

export function readTeamsActivity(body: string): TeamsCommand | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { problem: 'The body is not JSON: not a Teams activity.' };
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success)
    return { problem: `Not a Teams message activity: ${parsed.error.issues[0]?.message ?? ''}` };
  const activity = parsed.data;
  return {
    activityId: activity.id,
    text: commandText(activity.text),
    userId: activity.from.id,
    aadObjectId: activity.from.aadObjectId,
    userName: activity.from.name,
    channelId: activity.channelData?.channel?.id ?? activity.conversation?.id ?? 'unknown',
  };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The command without the bot mention, tags and entities. */
export function commandText(html: string): string {
  return html
    .replace(/<at>.*?<\/at>/gis, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
