/**
 * A reply as a Teams message carrying an Adaptive Card 1.2 — the shape both an outgoing webhook's reply
 * and a Workflows incoming webhook take. Only `Action.OpenURL` actions work there, so commands are shown
 * as text. Teams caps a message at about 28 KB; findings are cut to keep a card well under that ("…and N
 * more"; 10 findings and 24 KB are our choice).
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook
 */
import type { ChatReply, ReplyFinding, ReplyTone } from '../../domain/chat/chat-reply';
import { andMore, truncate } from './text-limits';

export const adaptiveCardLimits = { findings: 10, bytes: 24_000, title: 200, text: 3000 } as const;

type Element = Record<string, unknown>;

const toneColor: Record<ReplyTone, string> = {
  info: 'Default',
  success: 'Good',
  warning: 'Warning',
  error: 'Attention',
};
const severityColor = { Error: 'Attention', Warning: 'Warning', Information: 'Accent' };

const textBlock = (text: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text: truncate(text, adaptiveCardLimits.text),
  wrap: true,
  ...extra,
});

export function adaptiveCard(reply: ChatReply, maxFindings: number = adaptiveCardLimits.findings) {
  const body: Element[] = [
    textBlock(truncate(reply.title, adaptiveCardLimits.title), {
      size: 'Medium',
      weight: 'Bolder',
      color: toneColor[reply.tone],
    }),
    textBlock(reply.text),
  ];
  if (reply.facts.length > 0)
    body.push({
      type: 'FactSet',
      facts: reply.facts.map((fact) => ({ title: fact.label, value: fact.value })),
    });
  for (const section of reply.sections) {
    const lines = section.lines.map((line) => `- ${line}`);
    if (section.more) lines.push(andMore(section.more));
    body.push(
      textBlock(section.heading, { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(lines.join('\n')),
    );
  }
  const findings = reply.findings;
  if (findings && findings.items.length > 0) {
    body.push(textBlock(`Findings (${findings.total})`, { weight: 'Bolder', spacing: 'Medium' }));
    const shown = findings.items.slice(0, maxFindings);
    for (const finding of shown) body.push(findingContainer(finding));
    if (findings.total > shown.length)
      body.push(textBlock(andMore(findings.total - shown.length, 'more findings'), { isSubtle: true }));
  }
  if (reply.next.length > 0) body.push(textBlock(`Next: ${reply.next.map((c) => `\`${c}\``).join(' or ')}`));
  if (reply.footer) body.push(textBlock(reply.footer, { isSubtle: true, size: 'Small' }));
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.2',
    body,
  };
}

function findingContainer(finding: ReplyFinding): Element {
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(`${finding.severity} ${finding.code} — ${finding.resource}`, {
        weight: 'Bolder',
        color: severityColor[finding.severity],
      }),
      textBlock(finding.message),
      textBlock(`Recommendation: ${finding.recommendation}`, { isSubtle: true }),
    ],
  };
}

/** The Teams message: one Adaptive Card attachment, findings cut until it fits the size budget. */
export function teamsMessage(reply: ChatReply) {
  let maxFindings: number = adaptiveCardLimits.findings;
  for (;;) {
    const message = {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: adaptiveCard(reply, maxFindings),
        },
      ],
    };
    if (maxFindings === 0 || Buffer.byteLength(JSON.stringify(message)) <= adaptiveCardLimits.bytes)
      return message;
    maxFindings = Math.floor(maxFindings / 2);
  }
}
