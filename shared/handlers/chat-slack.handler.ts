/**
 * `POST /api/chat/slack`: a Slack slash command. Verifies Slack's signature over the raw body first (401
 * with a short JSON error when it is missing, wrong or stale), reads the form, hands the command to the
 * chat use case and answers at once (200, Block Kit; ephemeral unless `--in-channel`). Follow-ups go to
 * the command's response_url later, from the progress queue and the outcome notifier — never from here.
 * Decides nothing itself.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { slackCommandResponse } from '../adapters/chat/slack-blocks';
import { readSlashCommand } from '../adapters/chat/slack-command';
import { verifySlackSignature } from '../adapters/chat/slack-signature';
import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { handleChatCommand } from '../use-cases/chat/handle-chat-command';
import { json, jsonError } from './http-responses';
import { withJsonErrors } from './json-error-edge';

export function slackCommand(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return withJsonErrors(context, async () => {
    const body = await request.text();
    const signature = verifySlackSignature({
      secret: services.config.chat.slackSigningSecret,
      timestamp: request.headers.get('x-slack-request-timestamp'),
      signature: request.headers.get('x-slack-signature'),
      body,
      now: services.clock.now(),
    });
    if (!signature.ok) return jsonError(401, 'InvalidSignature', signature.reason);
    const command = readSlashCommand(body);
    if ('problem' in command) return jsonError(400, 'NotASlashCommand', command.problem);
    if (command.sslCheck) return json(200, {});
    const reply = await handleChatCommand(
      { ...services, entity, ...(context ? { log: (line: string) => context.log(line) } : {}) },
      {
        user: {
          platform: 'slack',
          id: command.userId,
          ...(command.userName ? { name: command.userName } : {}),
          otherIds: [],
        },
        channelId: command.channelId,
        text: command.text,
        ...(command.triggerId
          ? { idempotencyKey: `slack:${command.teamId ?? ''}:${command.triggerId}` }
          : {}),
        ...(command.responseUrl ? { responseUrl: command.responseUrl } : {}),
      },
    );
    return json(200, slackCommandResponse(reply));
  });
}
