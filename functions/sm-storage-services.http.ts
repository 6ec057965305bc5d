import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import {
  deleteStorageAccount,
  updateStorageAccount,
} from '../shared/handlers/service-management/storage-account-writes.handler';
import { getStorageServices } from '../shared/handlers/service-management/storage-services.handler';

const byMethod = { GET: getStorageServices, PUT: updateStorageAccount, DELETE: deleteStorageAccount };

/** Service Management: List Storage Accounts / Get Storage Account Properties (with MigrationState), Update and Delete Storage Account (refused while it is under migration). */
df.app.client.http('smStorageServices', {
  route: '{subscriptionId}/services/storageservices/{name?}',
  methods: ['GET', 'PUT', 'DELETE'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smWrite,
      () =>
        byMethod[request.method as keyof typeof byMethod](
          getServices(),
          new DurableScopeEntityGateway(client),
          request,
          context,
        ),
    ),
});
