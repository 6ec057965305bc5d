import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { chatProgressQueue, connectionSettings } from '../shared/contracts/names';
import { handleProgressTick } from '../shared/handlers/chat-progress.handler';

/** Progress follow-ups of operations asked for on Slack: one check per message, re-scheduled until the end. */
df.app.client.storageQueue('chatProgress', {
  queueName: chatProgressQueue,
  connection: connectionSettings.storage,
  handler: (message, client, context) =>
    handleProgressTick(getServices(), new DurableScopeEntityGateway(client), message, context),
});
