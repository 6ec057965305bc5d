import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { batchSchedulerSchedule } from '../shared/config';
import { batchSchedulerFunction } from '../shared/contracts/names';
import { runBatchScheduler } from '../shared/handlers/batch-scheduler.handler';

/** Advances batch plans inside their maintenance windows (BATCH_SCHEDULE, every minute by default). */
df.app.client.timer(batchSchedulerFunction, {
  schedule: batchSchedulerSchedule(),
  handler: (timer, client, context) =>
    runBatchScheduler(getServices(), new DurableScopeEntityGateway(client), timer, context),
});
