import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { migrationRequestsFunction } from '../shared/contracts/names';
import { handleMigrationRequestEvent } from '../shared/handlers/migration-request-event.handler';

/**
 * Event subscriptions: `Classic.Migration.Requested` events (Event Grid schema or CloudEvents 1.0) start
 * operations. In Azure the Event Grid subscription targets this function (infra/app/event-grid-subscription.bicep);
 * on the dev host it is served at `POST /runtime/webhooks/eventgrid?functionName=migrationRequests`.
 */
df.app.client.eventGrid(migrationRequestsFunction, {
  handler: (event, client, context) =>
    handleMigrationRequestEvent(getServices(), new DurableScopeEntityGateway(client), event, context),
});
