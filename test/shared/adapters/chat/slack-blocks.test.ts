/** Block Kit within Slack's limits: 50 blocks, header 150, section 3000, fields 10 × 2000, "…and N more". */
import { describe, expect, it } from 'vitest';

import {
  slackCommandResponse,
  slackLimits,
  slackMessage,
} from '../../../../shared/adapters/chat/slack-blocks';
import { chatReply } from '../../../../shared/domain/chat/chat-reply';

const finding = (i: number) => ({
  severity: 'Error' as const,
  code: `CODE_${i}`,
  resource: `VirtualMachine vm${i}`,
  message: `Message ${i} <b>&`.padEnd(500, '.'),
  recommendation: `Fix ${i}`,
});

type Block = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: string }[];
};

describe('Slack Block Kit', () => {
  it('When a reply is huge, then every limit holds and the findings end with "and N more"', () => {
    const reply = chatReply({
      title: 'T'.repeat(400),
      text: 'x'.repeat(5000),
      facts: Array.from({ length: 14 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(3000) })),
      sections: [
        { heading: 'Many', lines: Array.from({ length: 400 }, (_, i) => `line ${i} ${'y'.repeat(30)}`) },
      ],
      findings: { items: Array.from({ length: 20 }, (_, i) => finding(i)), total: 120 },
      next: ['prepare vnet Prod-VNet'],
      footer: 'Operation op-1',
    });
    const { blocks } = slackMessage(reply) as unknown as { blocks: Block[] };
    expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocks);
    for (const block of blocks) {
      if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(10);
        for (const field of block.fields) expect(field.text.length).toBeLessThanOrEqual(2000);
      }
    }
    const texts = JSON.stringify(blocks);
    expect(texts).toContain('…and 100 more findings');
    expect(texts).toContain('&lt;b&gt;&amp;');
    expect(texts).toContain('`prepare vnet Prod-VNet`');
    expect(texts).toMatch(/…and \d+ more/);
  });

  it('When findings fill the room left, then the last block still says how many were left out', () => {
    const reply = chatReply({
      title: 't',
      text: 'x',
      findings: { items: Array.from({ length: 20 }, (_, i) => finding(i)), total: 20 },
      sections: Array.from({ length: 40 }, (_, i) => ({ heading: `S${i}`, lines: ['a'] })),
    });
    const { blocks } = slackMessage(reply) as unknown as { blocks: Block[] };
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks.at(-1))).toContain('more findings');
  });

  it('When a reply is for the channel, then the slash command answer is in_channel; otherwise ephemeral', () => {
    expect(
      slackCommandResponse(chatReply({ title: 't', text: 'x', visibility: 'inChannel' })).response_type,
    ).toBe('in_channel');
    expect(slackCommandResponse(chatReply({ title: 't', text: 'x' })).response_type).toBe('ephemeral');
  });
});
