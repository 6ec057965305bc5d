import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { teamsCommand } from '../shared/handlers/chat-teams.handler';

/** Teams outgoing webhook. Anonymous at the Functions level: the webhook's HMAC is the authentication. */
df.app.client.http('chatTeams', {
  route: 'api/chat/teams',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    teamsCommand(getServices(), new DurableScopeEntityGateway(client), request, context),
});
