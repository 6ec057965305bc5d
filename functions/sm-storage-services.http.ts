import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { getStorageServices } from '../shared/handlers/service-management/storage-services.handler';

/** Service Management: List Storage Accounts / Get Storage Account Properties, with MigrationState. */
df.app.client.http('smStorageServices', {
  route: '{subscriptionId}/services/storageservices/{name?}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(getServices(), request, 'serviceManagement', requestTargets(getServices()).smRead, () =>
      getStorageServices(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
