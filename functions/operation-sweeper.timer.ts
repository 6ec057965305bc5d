import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { operationSweepSchedule } from '../shared/config';
import { operationSweeperFunction } from '../shared/contracts/names';
import { runOperationSweeper } from '../shared/handlers/operation-sweeper.handler';

/** Ends operations left Queued or InProgress (OPERATION_SWEEP_SCHEDULE, every 5 minutes by default). */
df.app.client.timer(operationSweeperFunction, {
  schedule: operationSweepSchedule(),
  handler: (timer, client, context) =>
    runOperationSweeper(getServices(), new DurableScopeEntityGateway(client), timer, context),
});
