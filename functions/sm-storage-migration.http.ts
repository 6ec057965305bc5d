import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { storageMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a storage account (`?comp=…`). */
df.app.client.http('smStorageMigration', {
  route: '{subscriptionId}/services/storageservices/{name}/migration',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    storageMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
});
