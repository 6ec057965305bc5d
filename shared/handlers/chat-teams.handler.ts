/**
 * `POST /api/chat/teams`: a Teams outgoing webhook. Verifies the HMAC over the raw body first (401
 * otherwise), reads the activity (the `@bot` mention removed), hands the command to the chat use case and
 * answers within Teams' 5 seconds with an Adaptive Card. Teams has no response_url: outcomes go to the
 * channel's incoming webhook (CHAT_CHANNEL_WEBHOOKS). Decides nothing itself.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import { teamsMessage } from '../adapters/chat/adaptive-card';
import { readTeamsActivity } from '../adapters/chat/teams-activity';
import { verifyTeamsHmac } from '../adapters/chat/teams-hmac';
import type { Services } from '../composition';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { handleChatCommand } from '../use-cases/chat/handle-chat-command';
import { json, jsonError } from './http-responses';
import { withJsonErrors } from './json-error-edge';

export function teamsCommand(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  return withJsonErrors(context, async () => {
    const body = await request.text();
    const signature = verifyTeamsHmac({
      secret: services.config.chat.teamsHmacSecret,
      authorization: request.headers.get('authorization'),
      body,
    });
    if (!signature.ok) return jsonError(401, 'InvalidSignature', signature.reason);
    const activity = readTeamsActivity(body);
    if ('problem' in activity) return jsonError(400, 'NotAnActivity', activity.problem);
    const reply = await handleChatCommand(
      { ...services, entity, ...(context ? { log: (line: string) => context.log(line) } : {}) },
      {
        user: {
          platform: 'teams',
          id: activity.aadObjectId ?? activity.userId,
          ...(activity.userName ? { name: activity.userName } : {}),
          otherIds: activity.aadObjectId ? [activity.userId] : [],
        },
        channelId: activity.channelId,
        text: activity.text,
        ...(activity.activityId ? { idempotencyKey: `teams:${activity.activityId}` } : {}),
      },
    );
    return json(200, teamsMessage(reply));
  });
}
