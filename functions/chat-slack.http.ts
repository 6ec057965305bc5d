import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { slackCommand } from '../shared/handlers/chat-slack.handler';

/** Slack slash command. Anonymous at the Functions level: Slack's request signature is the authentication. */
df.app.client.http('chatSlack', {
  route: 'api/chat/slack',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    slackCommand(getServices(), new DurableScopeEntityGateway(client), request, context),
});
