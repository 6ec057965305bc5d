import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { withAuthorization } from '../shared/handlers/auth/authorized';
import { requestTargets } from '../shared/handlers/auth/request-targets';
import { storageMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a storage account (`?comp=…`). */
df.app.client.http('smStorageMigration', {
  route: '{subscriptionId}/services/storageservices/{name}/migration',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: (request, client, context) =>
    withAuthorization(
      getServices(),
      request,
      'serviceManagement',
      requestTargets(getServices()).smOperation,
      () => storageMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
    ),
});
