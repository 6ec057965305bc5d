import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { connectionSettings, phaseQueues } from '../shared/contracts/names';
import { handlePhaseMessage } from '../shared/handlers/phase-message.handler';

/** The Abort phase: one message at a time per scope (session id = scope key). */
df.app.client.serviceBusQueue('migrationAbort', {
  queueName: phaseQueues.abort,
  connection: connectionSettings.serviceBus,
  isSessionsEnabled: true,
  handler: (message, client, context) =>
    handlePhaseMessage(
      'abort',
      getServices(),
      new DurableScopeEntityGateway(client),
      getServices().config,
      message,
      context,
    ),
});
