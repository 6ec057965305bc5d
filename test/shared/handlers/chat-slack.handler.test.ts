/**
 * `POST /api/chat/slack` with real HttpRequest objects and the real stores on Azurite: the signature is
 * checked first (valid → 200, wrong or replayed → 401 JSON), and the answer is Block Kit at once.
 */
import { HttpRequest } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { slackCommand } from '../../../shared/handlers/chat-slack.handler';
import { slackForm, slackHeaders } from '../../support/chat-requests';
import { type ChatKit, chatKit } from '../use-cases/chat/chat-test-kit';

const secret = 'slack-signing-secret-for-tests';
let kit: ChatKit;
beforeEach(async () => {
  kit = await chatKit({ slackSigningSecret: secret });
});

const nowSeconds = () => Math.floor(kit.deps.clock.now().getTime() / 1000);

function post(body: string, headers: Record<string, string>) {
  return slackCommand(
    kit.deps,
    kit.entity,
    new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/chat/slack',
      headers,
      body: { string: body },
    }),
  );
}

describe('POST /api/chat/slack', () => {
  it('When the signature is valid, then 200 with an ephemeral Block Kit answer', async () => {
    const body = slackForm({
      text: `status vnet Prod-VNet --subscription ${kit.subscriptionId}`,
      userId: 'UV',
    });
    const response = await post(body, slackHeaders(secret, body, nowSeconds()));
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('vnet Prod-VNet: None'),
    });
    expect((response.jsonBody as { blocks: { type: string }[] }).blocks[0]).toMatchObject({ type: 'header' });
  });

  it('When --in-channel is given, then the answer is in_channel', async () => {
    const body = slackForm({
      text: `plan vnet Prod-VNet --in-channel --subscription ${kit.subscriptionId}`,
      userId: 'UV',
    });
    const response = await post(body, slackHeaders(secret, body, nowSeconds()));
    expect(response.jsonBody).toMatchObject({ response_type: 'in_channel' });
  });

  it('When the signature is wrong, then 401 with a short JSON error', async () => {
    const body = slackForm({ text: 'help', userId: 'UV' });
    const response = await post(body, slackHeaders('another-secret', body, nowSeconds()));
    expect(response.status).toBe(401);
    expect(response.jsonBody).toEqual({
      error: { code: 'InvalidSignature', message: 'The Slack signature does not match.' },
    });
  });

  it('When the request is replayed 6 minutes later, then 401', async () => {
    const body = slackForm({ text: 'help', userId: 'UV' });
    const response = await post(body, slackHeaders(secret, body, nowSeconds() - 6 * 60));
    expect(response.status).toBe(401);
    expect(response.jsonBody).toMatchObject({ error: { message: expect.stringContaining('5 minutes') } });
  });

  it('When the body was changed after signing, then 401', async () => {
    const body = slackForm({ text: 'prepare vnet Prod-VNet', userId: 'UO' });
    const response = await post(body.replace('prepare', 'abort'), slackHeaders(secret, body, nowSeconds()));
    expect(response.status).toBe(401);
  });

  it('When no signing secret is configured, then every request is refused', async () => {
    kit.deps.config.chat.slackSigningSecret = undefined;
    const body = slackForm({ text: 'help', userId: 'UV' });
    expect((await post(body, slackHeaders(secret, body, nowSeconds()))).status).toBe(401);
  });
});
