/**
 * The local Service Bus refuses what Service Bus refuses: a session id or message id over 128 characters
 * (with @azure/service-bus's own text), before anything is stored.
 */
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

import { LocalServiceBusClient } from '../../../../shared/adapters/local-service-bus/local-service-bus-client';

const bus = () => LocalServiceBusClient.fromConnectionString(inject('azuriteConnectionString'));

describe('local Service Bus id limits', () => {
  it('When a session id is longer than 128 characters, then the send is refused as Service Bus refuses it', async () => {
    const queue = `limits-${randomUUID()}`;
    await expect(
      bus().sendMessages(queue, { body: {}, messageId: 'm', sessionId: 's'.repeat(129) }),
    ).rejects.toThrow("Length of 'sessionId' property on the message cannot be greater than 128 characters.");
    expect(await bus().peekMessages(queue)).toEqual([]);
  });

  it('When a message id is longer than 128 characters, then the send is refused', async () => {
    await expect(
      bus().sendMessages(`limits-${randomUUID()}`, { body: {}, messageId: 'm'.repeat(129) }),
    ).rejects.toThrow("Length of 'messageId' property on the message cannot be greater than 128 characters.");
  });

  it('When both are exactly 128 characters, then the message is sent', async () => {
    const queue = `limits-${randomUUID()}`;
    await bus().sendMessages(queue, {
      body: { ok: true },
      messageId: 'm'.repeat(128),
      sessionId: 's'.repeat(128),
    });
    expect((await bus().peekMessages(queue)).map((message) => message.messageId)).toEqual(['m'.repeat(128)]);
  });
});
