/** The Teams message: one Adaptive Card 1.2 attachment, findings cut to fit. */
import { describe, expect, it } from 'vitest';

import { adaptiveCardLimits, teamsMessage } from '../../../../shared/adapters/chat/adaptive-card';
import { chatReply } from '../../../../shared/domain/chat/chat-reply';

describe('Adaptive Card', () => {
  it('When a reply is rendered, then it is a message with one Adaptive Card 1.2 and no actions', () => {
    const message = teamsMessage(
      chatReply({
        title: 'Validate failed: vnet Legacy-VNet',
        text: 'x',
        facts: [{ label: 'State', value: 'None' }],
        next: ['validate vnet Legacy-VNet'],
      }),
    );
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.2',
    });
    expect(attachment!.content).not.toHaveProperty('actions');
    expect(JSON.stringify(attachment!.content.body)).toContain('FactSet');
  });

  it('When there are many long findings, then the card stays under the size budget and says how many are left out', () => {
    const findings = Array.from({ length: 20 }, (_, i) => ({
      severity: 'Warning' as const,
      code: `W${i}`,
      resource: `r${i}`,
      message: 'm'.repeat(2500),
      recommendation: 'r'.repeat(2500),
    }));
    const message = teamsMessage(
      chatReply({ title: 't', text: 'x', findings: { items: findings, total: 20 } }),
    );
    const text = JSON.stringify(message);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(adaptiveCardLimits.bytes);
    expect(text).toMatch(/…and \d+ more findings/);
  });
});
