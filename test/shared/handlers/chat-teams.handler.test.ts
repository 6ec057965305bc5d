/**
 * `POST /api/chat/teams` with real HttpRequest objects and the real stores on Azurite: a valid HMAC →
 * 200 with an Adaptive Card; a wrong or missing one → 401.
 */
import { HttpRequest } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { teamsCommand } from '../../../shared/handlers/chat-teams.handler';
import { teamsActivity, teamsHeaders } from '../../support/chat-requests';
import { type ChatKit, chatKit } from '../use-cases/chat/chat-test-kit';

const secret = Buffer.from('teams outgoing webhook token 32b').toString('base64');
let kit: ChatKit;
beforeEach(async () => {
  kit = await chatKit({ teamsHmacSecret: secret });
});

function post(body: string, headers: Record<string, string>) {
  return teamsCommand(
    kit.deps,
    kit.entity,
    new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/chat/teams',
      headers,
      body: { string: body },
    }),
  );
}

describe('POST /api/chat/teams', () => {
  it('When the HMAC is valid, then 200 with an Adaptive Card answering the command', async () => {
    const body = teamsActivity({
      text: `status vnet Prod-VNet --subscription ${kit.subscriptionId}`,
      aadObjectId: 'aad-v',
    });
    const response = await post(body, teamsHeaders(secret, body));
    expect(response.status).toBe(200);
    const message = response.jsonBody as {
      type: string;
      attachments: { contentType: string; content: { type: string; version: string; body: unknown[] } }[];
    };
    expect(message.type).toBe('message');
    expect(message.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.2' },
    });
    expect(JSON.stringify(message.attachments[0]!.content.body)).toContain('vnet Prod-VNet: None');
  });

  it('When a Teams approver is mapped by AAD object id, then their role applies', async () => {
    const body = teamsActivity({
      text: `commit vnet Prod-VNet --subscription ${kit.subscriptionId}`,
      aadObjectId: 'aad-a',
    });
    const response = await post(body, teamsHeaders(secret, body));
    expect(JSON.stringify(response.jsonBody)).toContain('waiting for a second approver');
  });

  it('When the HMAC is wrong, then 401', async () => {
    const body = teamsActivity({ text: 'help', aadObjectId: 'aad-v' });
    const wrong = Buffer.from('another token, another webhook!!').toString('base64');
    const response = await post(body, teamsHeaders(wrong, body));
    expect(response.status).toBe(401);
    expect(response.jsonBody).toEqual({
      error: { code: 'InvalidSignature', message: 'The Teams HMAC does not match.' },
    });
  });

  it('When there is no Authorization header, then 401', async () => {
    const body = teamsActivity({ text: 'help', aadObjectId: 'aad-v' });
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
  });
});
