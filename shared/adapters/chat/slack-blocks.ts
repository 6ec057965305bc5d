/**
 * A reply as Slack Block Kit, within Slack's limits: at most 50 blocks; `header` plain_text ≤ 150
 * characters; `section` text ≤ 3000; `fields` ≤ 10 of ≤ 2000 each. Long finding lists end with "…and N
 * more". Text is Slack mrkdwn with `&`, `<` and `>` escaped.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
import type { ChatReply, ReplyFinding, ReplyTone } from '../../domain/chat/chat-reply';
import { andMore, truncate } from './text-limits';

export const slackLimits = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
} as const;

type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const toneEmoji: Record<ReplyTone, string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':x:',
};

const severityEmoji = {
  Error: ':red_circle:',
  Warning: ':large_orange_circle:',
  Information: ':large_blue_circle:',
};

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string, max: number = slackLimits.sectionText) => ({
  type: 'mrkdwn',
  text: truncate(text, max),
});
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });

export function slackMessage(reply: ChatReply): SlackMessage {
  const head: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(reply.title, slackLimits.header), emoji: true },
    },
    section(`${toneEmoji[reply.tone]} ${escapeMrkdwn(reply.text)}`),
  ];
  for (let i = 0; i < reply.facts.length; i += slackLimits.fields) {
    head.push({
      type: 'section',
      fields: reply.facts
        .slice(i, i + slackLimits.fields)
        .map((fact) =>
          mrkdwn(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, slackLimits.fieldText),
        ),
    });
  }
  for (const part of reply.sections)
    head.push(section(sectionText(part.heading, part.lines, part.more ?? 0)));

  const tail: Block[] = [];
  if (reply.next.length > 0)
    tail.push(section(`*Next:* ${reply.next.map((command) => `\`${escapeMrkdwn(command)}\``).join(' or ')}`));
  if (reply.footer)
    tail.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(reply.footer), slackLimits.fieldText)] });

  const findings = findingBlocks(reply, slackLimits.blocks - head.length - tail.length);
  return {
    text: truncate(`${reply.title}: ${reply.text}`, slackLimits.sectionText),
    blocks: [...head, ...findings, ...tail].slice(0, slackLimits.blocks),
  };
}

/** The findings in at most `room` blocks: a heading, one block per finding, and "…and N more" if cut. */
function findingBlocks(reply: ChatReply, room: number): Block[] {
  const findings = reply.findings;
  if (!findings || findings.items.length === 0 || room < 3) return [];
  const allFit = 2 + findings.items.length <= room && findings.items.length === findings.total;
  const shown = allFit ? findings.items : findings.items.slice(0, Math.max(0, room - 3));
  const blocks: Block[] = [{ type: 'divider' }, section(`*Findings* (${findings.total})`)];
  for (const finding of shown) blocks.push(section(findingText(finding)));
  const left = findings.total - shown.length;
  if (left > 0) blocks.push({ type: 'context', elements: [mrkdwn(andMore(left, 'more findings'))] });
  return blocks;
}

function findingText(finding: ReplyFinding): string {
  return [
    `${severityEmoji[finding.severity]} *${finding.severity}* \`${escapeMrkdwn(finding.code)}\` — ${escapeMrkdwn(finding.resource)}`,
    escapeMrkdwn(finding.message),
    `_Recommendation:_ ${escapeMrkdwn(finding.recommendation)}`,
  ].join('\n');
}

/** A heading and bullet lines, cut at whole lines to fit one section. */
function sectionText(heading: string, lines: string[], more: number): string {
  let text = `*${escapeMrkdwn(heading)}*`;
  let shown = 0;
  for (const line of lines) {
    const next = `${text}\n• ${escapeMrkdwn(line)}`;
    if (next.length > slackLimits.sectionText - 40) break;
    text = next;
    shown++;
  }
  const left = more + lines.length - shown;
  return left > 0 ? `${text}\n${andMore(left)}` : text;
}

/** The answer to a slash command: ephemeral unless the reply is for the channel. */
export function slackCommandResponse(reply: ChatReply) {
  return {
    response_type: reply.visibility === 'inChannel' ? 'in_channel' : 'ephemeral',
    ...slackMessage(reply),
  };
}

/** A follow-up on a response_url: a new message (not replacing the acknowledgement). */
export function slackResponseUrlPayload(reply: ChatReply) {
  return { ...slackCommandResponse(reply), replace_original: false };
}
