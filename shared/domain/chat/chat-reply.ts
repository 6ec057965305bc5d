/**
 * The platform-neutral reply: what the bot says, before slack-blocks.ts or adaptive-card.ts turn it into
 * Block Kit or an Adaptive Card within their platform's limits. Text uses backticks for commands and
 * names, which both platforms show as code (Teams as plain text at worst). Pure.
 */
import type { Severity } from '../validation/finding';

export type ReplyTone = 'info' | 'success' | 'warning' | 'error';
export type ReplyVisibility = 'ephemeral' | 'inChannel';

export interface ReplyFact {
  label: string;
  value: string;
}

export interface ReplySection {
  heading: string;
  lines: string[];
  /** Lines left out before the reply was built ("and N more"). */
  more?: number;
}

export interface ReplyFinding {
  severity: Severity;
  code: string;
  resource: string;
  message: string;
  recommendation: string;
}

export interface ChatReply {
  visibility: ReplyVisibility;
  tone: ReplyTone;
  /** A short headline (Slack `header`, the card's title). */
  title: string;
  /** The main text; also the notification text. */
  text: string;
  facts: ReplyFact[];
  sections: ReplySection[];
  /** Findings with recommendations; `total` counts those not carried here too. */
  findings?: { items: ReplyFinding[]; total: number };
  /** Commands to run next, without backticks (`prepare vnet Prod-VNet`). */
  next: string[];
  /** A small line at the end (operation id, who asked). */
  footer?: string;
}

export function chatReply(
  fields: Pick<ChatReply, 'title' | 'text'> & Partial<Omit<ChatReply, 'title' | 'text'>>,
): ChatReply {
  return { visibility: 'ephemeral', tone: 'info', facts: [], sections: [], next: [], ...fields };
}

/** A refusal or a problem: only the caller sees it. */
export function problemReply(title: string, text: string, next: string[] = []): ChatReply {
  return chatReply({ title, text, tone: 'warning', next });
}

/** The first `max` items and how many were left out. */
export function firstOf<T>(items: readonly T[], max: number): { items: T[]; more: number } {
  return { items: items.slice(0, max), more: Math.max(0, items.length - max) };
}
