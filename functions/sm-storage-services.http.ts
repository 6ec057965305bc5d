import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { getStorageServices } from '../shared/handlers/service-management/storage-services.handler';

/** Service Management: List Storage Accounts / Get Storage Account Properties, with MigrationState. */
df.app.client.http('smStorageServices', {
  route: '{subscriptionId}/services/storageservices/{name?}',
  methods: ['GET'],
  authLevel: 'function',
  handler: (request, client, context) =>
    getStorageServices(getServices(), new DurableScopeEntityGateway(client), request, context),
});
