import * as df from 'durable-functions';

import { DurableScopeEntityGateway } from '../shared/adapters/durable/durable-scope-entity-gateway';
import { getServices } from '../shared/composition';
import { networkingMigration } from '../shared/handlers/service-management/migration.handler';

/** Service Management: Validate, Prepare, Commit or Abort the migration of a VNet, NSG, reserved IP or route table (`?comp=…`). */
df.app.client.http('smNetworkingMigration', {
  route: '{subscriptionId}/services/networking/{collection}/{name}/migration',
  methods: ['POST'],
  authLevel: 'function',
  handler: (request, client, context) =>
    networkingMigration(getServices(), new DurableScopeEntityGateway(client), request, context),
});
