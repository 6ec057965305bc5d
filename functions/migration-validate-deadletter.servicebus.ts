import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { connectionSettings, phaseDeadLetterQueues, phaseQueues } from '../shared/contracts/names';
import { handleDeadLetter } from '../shared/handlers/dead-letter.handler';

/**
 * The dead-letter processor of the Validate queue: a dead-lettered command ends its operation Failed
 * (`DeadLettered`) and the entity is told. The dead-letter sub-queue is not session-enabled.
 */
df.app.client.serviceBusQueue('migrationValidateDeadLetters', {
  queueName: phaseDeadLetterQueues.validate,
  connection: connectionSettings.serviceBus,
  handler: (message, client, context) =>
    handleDeadLetter(
      phaseQueues.validate,
      getServices(),
      new DurableScopeEntityGateway(client),
      message,
      context,
    ),
});
